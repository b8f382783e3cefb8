// pulumi-language-yaml, built for this project's tests: Pulumi's own YAML language host (pulumi-yaml's pkg/server,
// the real YAML evaluator) with what `pulumi package add` needs from it and the one release of pulumi-yaml the Go
// module proxy serves, v1.25.0, lacks.
//
// Why a Go module of its own: pulumi-yaml v1.25.0 does not compile against github.com/pulumi/pulumi/pkg/v3 v3.276.0,
// the version the CLI beside it is built from (pkg/pulumiyaml/packages.go calls plugin.NewContextWithRoot and
// schema.NewPluginLoader with their old signatures; pulumi-yaml dropped that code after v1.25.0). So it is built
// here with its own requirements (pkg/v3 and sdk/v3 v3.206.0), as Pulumi builds pulumi-language-yaml apart from the
// CLI it ships with. It cannot import ../langhost for the same reason (that module requires pkg/v3 v3.276.0).
//
// What this host adds to pulumi-yaml's server:
//   - Run reads packages through the engine's schema loader (the request's LoaderTarget), as every pulumi-yaml after
//     v1.25.0 does: the engine knows Pulumi.yaml's `packages:` and the plugins it runs;
//   - Link does nothing, as in pulumi-yaml since v1.26.2 (commit b8a5bd6b): a YAML program names its packages in
//     Pulumi.yaml and has no SDK to link. The CLI fails `pulumi package add` when Link is Unimplemented;
//   - GetPluginInfo reports the pulumi-yaml release it was built with (pulumi-yaml reads it from a linker flag).
//
// Everything else, GeneratePackage (the package's lock file), Run and RunPlugin included, is pulumi-yaml's own code.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	yamlserver "github.com/pulumi/pulumi-yaml/pkg/server"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const pulumiYamlModule = "github.com/pulumi/pulumi-yaml"

// main serves as the CLI starts a language host: `pulumi-language-yaml [-tracing T] [-root R] [engine]`, the port on
// the first line of stdout, serving until the engine goes away or Ctrl-C.
func main() {
	tracing := flag.String("tracing", "", "a tracing endpoint (ignored)")
	flag.String("root", "", "the root of the program (unused, as in pulumi-yaml)")
	flag.String("compiler", "", "obsolete, as in pulumi-yaml")
	showVersion := flag.Bool("version", false, "print the pulumi-yaml version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(pulumiYamlVersion())
		return
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cancel := make(chan bool)
	go func() {
		<-ctx.Done()
		close(cancel)
	}()

	engineAddress := ""
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, stop); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start the engine health check: %w", err))
		}
	}
	const useEngineSchemaLoader = true
	host := &languageHost{
		LanguageRuntimeServer: yamlserver.NewLanguageHost(engineAddress, *tracing, useEngineSchemaLoader),
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start the language host: %w", err))
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("the language host stopped serving: %w", err))
	}
}

// languageHost is pulumi-yaml's language host with the methods below in front of it.
type languageHost struct {
	pulumirpc.LanguageRuntimeServer
}

// Link has nothing to do: a YAML program names its packages in Pulumi.yaml and needs no SDK linked into it.
func (h *languageHost) Link(context.Context, *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return &pulumirpc.LinkResponse{}, nil
}

// GetPluginInfo reports the pulumi-yaml release this host runs.
func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: pulumiYamlVersion()}, nil
}

func pulumiYamlVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == pulumiYamlModule {
				return dep.Version
			}
		}
	}
	return ""
}
