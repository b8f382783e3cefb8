// pulumi-language-python, written for this project's tests: the Python language host that the Pulumi CLI starts to
// run a Python program, and to generate, link and install a Python SDK for `pulumi package add`.
//
// Pulumi's own host is an untagged nested Go module that the Go module proxy we reach does not serve. This host
// speaks the same LanguageRuntime protocol and does the same work with Pulumi's published Go packages:
//
//   - Run: `python -u <our exec script> --monitor … --engine … <entry point>` in the project's virtual environment
//     (exec.py: the PyPI `pulumi` SDK ships no such script, Pulumi installs its own next to its host);
//   - InstallDependencies, Link, About, GetProgramDependencies: the `toolchain` package of the Python SDK's Go
//     module (`runtime.options` `toolchain: pip | poetry | uv`, `virtualenv`), as Pulumi's host uses it;
//   - GetRequiredPackages: the resource plugins that the virtual environment's packages declare (pulumi-plugin.json);
//   - GeneratePackage: Pulumi's Python code generator (`pkg/v3/codegen/python`).
//
// What it leaves out: RunPlugin (Python policy packs and Python component plugins: this project has neither),
// type checkers (`typechecker` option), debugging, Pack, program generation. Those answer with an error that says so.
package main

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"aks-trusted-access.invalid/clibuild/langhost"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

func main() {
	langhost.Serve("python", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &languageHost{Host: langhost.Host{EngineAddress: engineAddress}}
	})
}

type languageHost struct {
	langhost.Host
}

func (h *languageHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	opts := toolchain.PythonOptions{Toolchain: toolchain.Pip}
	if info := req.GetInfo(); info != nil {
		var err error
		if opts, err = pythonOptions(info, false); err != nil {
			return nil, err
		}
	}
	tc, err := toolchain.ResolveToolchain(opts)
	if err != nil {
		return nil, err
	}
	about, err := tc.About(ctx)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{
		Executable: about.PythonExecutable,
		Version:    about.PythonVersion.String(),
		Metadata: map[string]string{
			"toolchain":        toolchain.Name(opts.Toolchain),
			"toolchainVersion": about.ToolchainVersion.String(),
		},
	}, nil
}

func (h *languageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	tc, err := resolveToolchain(req.GetInfo(), false)
	if err != nil {
		return nil, err
	}
	installed, err := tc.ListPackages(ctx, req.GetTransitiveDependencies())
	if err != nil {
		return nil, fmt.Errorf("could not list the Python packages of the program: %w", err)
	}
	deps := make([]*pulumirpc.DependencyInfo, 0, len(installed))
	for _, dep := range installed {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: dep.Name, Version: dep.Version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *languageHost) RunPlugin(
	_ *pulumirpc.RunPluginRequest, _ pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	return notBuilt("RunPlugin (Python policy packs and plugins)")
}

func (h *languageHost) Pack(ctx context.Context, _ *pulumirpc.PackRequest) (*pulumirpc.PackResponse, error) {
	return nil, notBuilt("Pack")
}

func notBuilt(method string) error {
	return status.Errorf(codes.Unimplemented,
		"%s is not implemented by aks-trusted-access's test build of pulumi-language-python", method)
}

// errNoInfo is returned for a request without the program's information, which every caller of this CLI sends.
var errNoInfo = errors.New("the request carries no program information (ProgramInfo)")
