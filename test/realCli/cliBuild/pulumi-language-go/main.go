// pulumi-language-go, written for this project's tests: the Go language host that the Pulumi CLI starts to run a
// Go program, to generate a Go SDK for `pulumi package add` / `gen-sdk`, and to link that SDK into the program.
//
// Pulumi's own host is a nested Go module that Pulumi never tags, which the Go module proxy we can reach does not
// serve, so it cannot be built here. This host speaks the same LanguageRuntime protocol and does what Pulumi's does,
// with the same commands and environment:
//
//   - Run: `go build -o <temp file>` in the program's folder (or the `binary` / `buildTarget` runtime options),
//     then the binary with the run's facts in the variables the Go SDK reads (PULUMI_MONITOR, PULUMI_ENGINE,
//     PULUMI_PROJECT, PULUMI_STACK, PULUMI_CONFIG, PULUMI_DRY_RUN, ...);
//   - GetRequiredPackages: the resource plugins that the go.mod's required modules declare in pulumi-plugin.json;
//   - InstallDependencies: `go mod tidy`;
//   - GeneratePackage: Pulumi's published Go code generator (github.com/pulumi/pulumi/pkg/v3/codegen/go);
//   - Link: a `replace <SDK module> => ./<SDK folder>` in the program's go.mod (the CLI then runs
//     InstallDependencies, so `go mod tidy` picks it up).
//
// What it leaves out: debugging, `go run` (PULUMI_GO_USE_RUN), Go plugins (RunPlugin: a component or policy pack
// written in Go), program generation and Pack, which answer Unimplemented with a message that says so.
package main

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"aks-trusted-access.invalid/clibuild/langhost"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	langhost.Serve("go", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &languageHost{Host: langhost.Host{EngineAddress: engineAddress}}
	})
}

type languageHost struct {
	langhost.Host
}

func (h *languageHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("go is not on the PATH: %w", err)
	}
	out, err := exec.Command(gobin, "version").Output()
	if err != nil {
		return nil, fmt.Errorf("%s version failed: %w", gobin, err)
	}
	return &pulumirpc.AboutResponse{Executable: gobin, Version: strings.TrimSpace(string(out))}, nil
}

func (h *languageHost) RunPlugin(_ *pulumirpc.RunPluginRequest, _ pulumirpc.LanguageRuntime_RunPluginServer) error {
	return notBuilt("RunPlugin (Go component providers and policy packs)")
}

func (h *languageHost) Pack(ctx context.Context, _ *pulumirpc.PackRequest) (*pulumirpc.PackResponse, error) {
	return nil, notBuilt("Pack")
}

func notBuilt(method string) error {
	return status.Errorf(codes.Unimplemented,
		"%s is not implemented by aks-trusted-access's test build of pulumi-language-go", method)
}
