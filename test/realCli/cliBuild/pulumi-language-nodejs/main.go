// pulumi-language-nodejs, written for this project's tests: the Node.js language host that the Pulumi CLI starts to
// run a Node.js program, a policy pack or a component plugin.
//
// Pulumi's own host is a nested Go module that Pulumi never tags, and the Go module proxy we can reach refuses its
// commit pseudo-versions, so it cannot be built here. This host speaks the same LanguageRuntime protocol and starts
// the same scripts of @pulumi/pulumi with the same arguments and environment:
//
//   - Run: `node <@pulumi/pulumi/cmd/run> --monitor … --engine … [--dry-run] <entry point>`, stack config in
//     PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS, TypeScript options in PULUMI_NODEJS_*;
//   - RunPlugin (policy packs): `node <@pulumi/pulumi/cmd/run-policy-pack> <engine> <pack folder>` in the pack's
//     folder, behind the SDK's own PolicyProxy, which hands the pack the stack's configuration;
//   - RunPlugin (component plugins): `node <@pulumi/pulumi/cmd/run-plugin> <plugin folder> <args>`;
//   - GetRequiredPackages: the resource plugins that node_modules declares (`"pulumi": {"resource": true}`).
//
// What it leaves out: Pulumi's synchronous-invoke pipes and monitor proxy (the SDK talks to the engine's monitor
// directly), debugging, bun, and linking and packing SDKs (Link, Pack), which answer Unimplemented with a message
// that says so. GeneratePackage runs Pulumi's published Node.js code generator (see ../sdkgen).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"aks-trusted-access.invalid/clibuild/langhost"
	"aks-trusted-access.invalid/clibuild/sdkgen"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	langhost.Serve("nodejs", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &languageHost{Host: langhost.Host{EngineAddress: engineAddress}}
	})
}

type languageHost struct {
	langhost.Host
}

func (h *languageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	packages := requiredPackages(req.GetInfo().GetProgramDirectory())
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func (h *languageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	deps, err := programDependencies(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *languageHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is not on the PATH: %w", err)
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("%s --version failed: %w", node, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: node,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	opts, err := parseRuntimeOptions(info.GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	runScript, err := resolveModule(info.GetProgramDirectory(), "@pulumi/pulumi/cmd/run", "pulumi install")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	configJSON, err := langhost.ProgramConfig(req.GetConfig())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	secretKeys, err := langhost.SecretKeys(req.GetConfigSecretKeys())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append(opts.nodeArgs, runScript)
	flagIfSet := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flagIfSet("monitor", req.GetMonitorAddress())
	flagIfSet("engine", h.EngineAddress)
	flagIfSet("organization", req.GetOrganization())
	flagIfSet("project", req.GetProject())
	flagIfSet("root-directory", info.GetRootDirectory())
	flagIfSet("stack", req.GetStack())
	flagIfSet("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flagIfSet("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, info.GetEntryPoint())
	args = append(args, req.GetArgs()...)

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Env = append(os.Environ(),
		"PULUMI_CONFIG="+configJSON,
		"PULUMI_CONFIG_SECRET_KEYS="+secretKeys)
	cmd.Env = append(cmd.Env, opts.env()...)
	return h.RunProgram(cmd, "node"), nil
}

func (h *languageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	info := req.GetInfo()
	opts, err := parseRuntimeOptions(info.GetOptions().AsMap())
	if err != nil {
		return err
	}
	isPolicyPack := req.GetKind() == "analyzer"
	script := "@pulumi/pulumi/cmd/run-plugin"
	if isPolicyPack {
		script = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	runScript, err := resolveModule(info.GetProgramDirectory(), script, "npm install in "+info.GetProgramDirectory())
	if err != nil {
		return err
	}

	args := append([]string{runScript}, opts.nodeArgs...)
	env := append(req.GetEnv(), opts.env()...)
	dir := req.GetPwd()
	var proxy *sdk.PolicyProxy
	if isPolicyPack {
		// A pack takes the folder last, runs in it, and gets the stack's configuration from the engine through the
		// SDK's proxy, which then forwards every Analyzer call to it.
		args = append(args, req.GetArgs()...)
		args = append(args, info.GetProgramDirectory())
		dir = info.GetProgramDirectory()
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start the policy pack proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get the stack configuration: %w", err)
		}
		env = append(env, policyPackEnv(stack)...)
	} else {
		args = append(args, info.GetProgramDirectory())
		args = append(args, req.GetArgs()...)
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = h.Processes.Track(cmd, func() error {
		if err := cmd.Start(); err != nil {
			return err
		}
		if proxy != nil {
			return proxy.Attach(ctx, cmd)
		}
		return cmd.Wait()
	})
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("Program exited with non-zero exit code: %d", exit.ExitCode())
	} else if err != nil {
		return fmt.Errorf("Problem executing plugin program (could not run node): %w", err)
	}
	return closer.Close()
}

func (h *languageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	dir := req.GetInfo().GetProgramDirectory()
	cmd := exec.CommandContext(server.Context(), "npm", "install")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := h.Processes.Track(cmd, cmd.Run); err != nil {
		return fmt.Errorf("npm install in %s failed: %w", dir, err)
	}
	return closer.Close()
}

// GeneratePackage writes a Node.js SDK of a package with Pulumi's own Node.js code generator, which is what
// `pulumi package gen-sdk --language nodejs` and `pulumi package add` in a Node.js project run.
func (h *languageHost) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return sdkgen.Generate(ctx, req, func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return nodejs.GeneratePackage("pulumi-language-nodejs", pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
	})
}

func (h *languageHost) Link(ctx context.Context, _ *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return nil, notBuilt("Link")
}

func (h *languageHost) Pack(ctx context.Context, _ *pulumirpc.PackRequest) (*pulumirpc.PackResponse, error) {
	return nil, notBuilt("Pack")
}

func notBuilt(method string) error {
	return status.Errorf(codes.Unimplemented,
		"%s is not implemented by aks-trusted-access's test build of pulumi-language-nodejs", method)
}

func policyPackEnv(stack *pulumirpc.AnalyzerStackConfigureRequest) []string {
	if stack == nil {
		return nil
	}
	var env []string
	set := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	set("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
	set("PULUMI_NODEJS_PROJECT", stack.GetProject())
	set("PULUMI_NODEJS_STACK", stack.GetStack())
	set("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
	if stack.GetConfig() != nil {
		if out, err := json.Marshal(stack.GetConfig()); err == nil {
			set("PULUMI_CONFIG", string(out))
		}
	}
	return env
}

// resolveModule finds a script of the SDK as Node.js would from dir, or says which install is missing.
func resolveModule(dir, module, installHint string) (string, error) {
	script := fmt.Sprintf(`try { console.log(require.resolve(%q)); } catch (e) { `+
		`console.error(e.code === "MODULE_NOT_FOUND" ? "The Pulumi SDK (%s) is not installed in %s: run %s." : e.message); `+
		`process.exit(1); }`, module, module, dir, installHint)
	cmd := exec.Command("node", "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return "", errors.New(strings.TrimSpace(string(exit.Stderr)))
	} else if err != nil {
		return "", fmt.Errorf("could not run node to find %s: %w", module, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// packageJSON is what the host reads of a package's package.json.
type packageJSON struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
	Pulumi          *struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

func readPackageJSON(path string) (*packageJSON, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var pkg packageJSON
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &pkg, nil
}

// requiredPackages lists the resource plugins of every package under dir's node_modules, nested ones included,
// once each. Folders are visited once by their real path, so a linked workspace package that links back ends.
func requiredPackages(dir string) []*pulumirpc.PackageDependency {
	seen := map[string]bool{}
	visited := map[string]bool{}
	var found []*pulumirpc.PackageDependency
	var visit func(modules string)
	visit = func(modules string) {
		for _, pkgDir := range packageDirs(modules) {
			real, err := filepath.EvalSymlinks(pkgDir)
			if err != nil || visited[real] {
				continue
			}
			visited[real] = true
			pkg, err := readPackageJSON(filepath.Join(pkgDir, "package.json"))
			if err != nil {
				continue
			}
			if p := pkg.Pulumi; p != nil && p.Resource {
				name := p.Name
				if name == "" {
					name = strings.TrimPrefix(pkg.Name, "@pulumi/")
				}
				ver := p.Version
				if ver == "" {
					ver = pkg.Version
				}
				key := name + "@" + ver
				if !seen[key] {
					seen[key] = true
					found = append(found, &pulumirpc.PackageDependency{
						Kind: "resource", Name: name, Version: "v" + strings.TrimPrefix(ver, "v"), Server: p.Server,
					})
				}
			}
			visit(filepath.Join(pkgDir, "node_modules"))
		}
	}
	visit(filepath.Join(dir, "node_modules"))
	return found
}

// packageDirs lists the package folders directly under a node_modules folder, scoped ones included.
func packageDirs(modules string) []string {
	entries, err := os.ReadDir(modules)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if strings.HasPrefix(name, "@") {
			scoped, _ := os.ReadDir(filepath.Join(modules, name))
			for _, s := range scoped {
				dirs = append(dirs, filepath.Join(modules, name, s.Name()))
			}
			continue
		}
		dirs = append(dirs, filepath.Join(modules, name))
	}
	return dirs
}

// programDependencies is the program's declared dependencies at the versions installed.
func programDependencies(dir string) ([]*pulumirpc.DependencyInfo, error) {
	pkg, err := readPackageJSON(filepath.Join(dir, "package.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var deps []*pulumirpc.DependencyInfo
	for _, declared := range []map[string]string{pkg.Dependencies, pkg.DevDependencies} {
		for name := range declared {
			installed, err := readPackageJSON(filepath.Join(dir, "node_modules", name, "package.json"))
			if err != nil {
				continue
			}
			deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: installed.Version})
		}
	}
	return deps, nil
}
