package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// goModule is what `go list -m -json` and `go mod download -json` say of a module.
type goModule struct {
	Path    string
	Version string
	Dir     string
}

func (h *languageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	dir, gomod, err := loadGoMod(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, r := range gomod.Require {
		paths = append(paths, r.Mod.Path)
	}
	modules, err := moduleSources(ctx, dir, paths)
	if err != nil {
		return nil, err
	}
	var packages []*pulumirpc.PackageDependency
	for _, m := range modules {
		pkg, err := pluginOf(m)
		if err != nil {
			return nil, err
		}
		if pkg != nil {
			packages = append(packages, pkg)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func (h *languageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	_, gomod, err := loadGoMod(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	// A module replaced by a folder has no version of its own.
	replaced := map[string]bool{}
	for _, r := range gomod.Replace {
		replaced[r.Old.Path] = true
	}
	var deps []*pulumirpc.DependencyInfo
	for _, r := range gomod.Require {
		if r.Indirect && !req.GetTransitiveDependencies() {
			continue
		}
		version := r.Mod.Version
		if replaced[r.Mod.Path] {
			version = ""
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: r.Mod.Path, Version: version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// loadGoMod finds the go.mod of the module that holds dir (the program may sit in a subfolder) and parses it.
func loadGoMod(dir string) (string, *modfile.File, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.GoMod}}")
	cmd.Dir = dir
	// Only the module of this folder, not every module of a go.work around it.
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -m in %s failed: %w%s", dir, err, stderrOf(err))
	}
	path := string(bytes.TrimSpace(out))
	if path == "" {
		return "", nil, fmt.Errorf("%s is not in a Go module: a Go program needs a go.mod (run `go mod init`)", dir)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, err
	}
	gomod, err := modfile.Parse(path, data, nil)
	if err != nil {
		return "", nil, err
	}
	return filepath.Dir(path), gomod, nil
}

// moduleSources gives each module with the folder of its source: `go list -m` knows the folder of a module in
// the module cache or replaced by a folder; `go mod download` fetches the others (from the module cache when
// GOPROXY=off). Vendoring is not supported.
func moduleSources(ctx context.Context, dir string, paths []string) ([]goModule, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	listed, err := goJSON[goModule](ctx, dir, append([]string{"list", "-m", "-json"}, paths...))
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, m := range listed {
		if m.Dir == "" {
			missing = append(missing, m.Path)
		}
	}
	if len(missing) > 0 {
		downloaded, err := goJSON[goModule](ctx, dir, append([]string{"mod", "download", "-json"}, missing...))
		if err != nil {
			return nil, err
		}
		dirs := map[string]string{}
		for _, m := range downloaded {
			dirs[m.Path] = m.Dir
		}
		for i := range listed {
			if listed[i].Dir == "" {
				listed[i].Dir = dirs[listed[i].Path]
			}
		}
	}
	return listed, nil
}

// goJSON runs a go command that prints a stream of JSON objects, and decodes them.
func goJSON[T any](ctx context.Context, dir string, args []string) ([]T, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		shown := strings.Join(args, " ")
		if len(args) > 4 {
			shown = fmt.Sprintf("%s … (%d modules)", strings.Join(args[:4], " "), len(args)-3)
		}
		return nil, fmt.Errorf("go %s in %s failed: %w%s", shown, dir, err, stderrOf(err))
	}
	var values []T
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("go %s printed something other than JSON: %w", args[0], err)
		}
		values = append(values, v)
	}
	return values, nil
}

// pluginOf is the resource plugin a module declares in its pulumi-plugin.json (at its root, in go/, go/*/ or
// */), or nil when it declares none. Name and version default to the module's (github.com/pulumi/pulumi-aws/sdk/v6
// at v6.83.4 → aws 6.83.4), as Pulumi's host does.
func pluginOf(m goModule) (*pulumirpc.PackageDependency, error) {
	if m.Dir == "" {
		return nil, nil
	}
	candidates := []string{filepath.Join(m.Dir, "pulumi-plugin.json"), filepath.Join(m.Dir, "go", "pulumi-plugin.json")}
	for _, pattern := range []string{"go/*/pulumi-plugin.json", "*/pulumi-plugin.json"} {
		found, _ := filepath.Glob(filepath.Join(m.Dir, pattern))
		candidates = append(candidates, found...)
	}
	for _, path := range candidates {
		declared, err := plugin.LoadPulumiPluginJSON(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if !declared.Resource {
			return nil, nil
		}
		name := declared.Name
		if name == "" {
			name = nameFromModulePath(m.Path)
		}
		version := declared.Version
		if version == "" {
			if module.IsPseudoVersion(m.Version) {
				return nil, fmt.Errorf("%s: module %s@%s is a commit, not a release, and its pulumi-plugin.json "+
					"names no version: the plugin's version is unknown", path, m.Path, m.Version)
			}
			version = m.Version
		}
		if name == "" || version == "" {
			return nil, fmt.Errorf("%s: the plugin of module %s has no name or version (name %q, version %q)",
				path, m.Path, name, version)
		}
		return &pulumirpc.PackageDependency{
			Kind:             "resource",
			Name:             name,
			Version:          "v" + strings.TrimPrefix(version, "v"),
			Server:           declared.Server,
			Parameterization: parameterization(declared.Parameterization),
		}, nil
	}
	return nil, nil
}

// nameFromModulePath: github.com/<org>/pulumi-<name>/... → <name>; "" for any other form.
func nameFromModulePath(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) < 3 {
		return ""
	}
	name, found := strings.CutPrefix(parts[2], "pulumi-")
	if !found {
		return ""
	}
	return name
}

func parameterization(p *plugin.PulumiParameterizationJSON) *pulumirpc.PackageParameterization {
	if p == nil {
		return nil
	}
	return &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
}

// stderrOf is ": <what the command printed on stderr>" for a failed command, or "".
func stderrOf(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) && len(bytes.TrimSpace(exit.Stderr)) > 0 {
		return ": " + string(bytes.TrimSpace(exit.Stderr))
	}
	return ""
}
