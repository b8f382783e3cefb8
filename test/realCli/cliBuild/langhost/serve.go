// Package langhost is what every language host of this build shares: the command line the CLI starts a host with,
// serving the LanguageRuntime service, and the processes a host runs, which Cancel interrupts.
package langhost

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Serve runs a language host as the CLI starts it: `pulumi-language-<runtime> [-tracing T] [-runtime R] [engine]`.
// It prints the port on the first line of stdout (the CLI reads it) and serves until the engine goes away.
// newHost gets the engine's address as given on the command line ("" when the CLI hands it over in Handshake).
func Serve(runtime string, newHost func(engineAddress string) pulumirpc.LanguageRuntimeServer) {
	flag.String("tracing", "", "a tracing endpoint (ignored)")
	given := flag.String("runtime", runtime, "the runtime; only "+runtime+" is supported")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(version.Version)
		return
	}
	if *given != runtime {
		cmdutil.Exit(fmt.Errorf("unsupported runtime %q: this host runs %s only", *given, runtime))
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
	host := newHost(engineAddress)
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
