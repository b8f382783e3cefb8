// Package genhost is a language host that only generates SDKs: `pulumi package gen-sdk --language <lang>` starts
// it, calls GeneratePackage and stops it. Everything else answers Unimplemented, saying so.
package genhost

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Generator writes the SDK of a bound package: file names relative to the SDK's folder, and their contents.
type Generator func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest) (map[string][]byte, error)

// Prepare may rewrite the schema before it is bound (Java merges types whose names differ only in case).
type Prepare func(spec *schema.PackageSpec) (*schema.PackageSpec, error)

// Serve runs the host as the CLI starts it (`pulumi-language-<runtime> [-tracing T] [-runtime R] [engine]`),
// printing its port on stdout.
func Serve(runtime string, prepare Prepare, generate Generator) {
	flag.String("tracing", "", "a tracing endpoint (ignored)")
	flag.String("runtime", runtime, "the runtime")
	flag.Parse()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{runtime: runtime, prepare: prepare, generate: generate})
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start the %s language host: %w", runtime, err))
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(err)
	}
}

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	runtime  string
	prepare  Prepare
	generate Generator
}

func (h *host) Handshake(
	context.Context, *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *host) Run(context.Context, *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "aks-trusted-access's test build of pulumi-language-%s only "+
		"generates SDKs (pulumi package gen-sdk); it cannot run %s programs", h.runtime, h.runtime)
}

func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.GetSchema()), &spec); err != nil {
		return nil, fmt.Errorf("the schema is not valid JSON: %w", err)
	}
	prepared := &spec
	if h.prepare != nil {
		if prepared, err = h.prepare(&spec); err != nil {
			return nil, err
		}
	}
	pkg, diags, err := schema.BindSpec(*prepared, schema.NewCachedLoader(loader), schema.ValidationOptions{
		AllowDanglingReferences: true,
	})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}
	files, err := h.generate(pkg, req)
	if err != nil {
		return nil, err
	}
	for name, data := range files {
		path := filepath.Join(req.GetDirectory(), name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}
