package main

import (
	"fmt"

	"github.com/google/shlex"
)

// runtimeOptions are the `runtime.options` of a Pulumi.yaml or PulumiPolicy.yaml that this host honours.
type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeArgs     []string
}

// parseRuntimeOptions reads `typescript` (default true), `tsconfig` and `nodeargs`; `packagemanager` and other
// options that only matter to installs are accepted and ignored.
func parseRuntimeOptions(options map[string]any) (runtimeOptions, error) {
	opts := runtimeOptions{typescript: true}
	if v, ok := options["typescript"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return opts, fmt.Errorf("runtime option typescript must be true or false, not %v", v)
		}
		opts.typescript = b
	}
	if v, ok := options["tsconfig"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option tsconfig must be a path, not %v", v)
		}
		opts.tsconfigPath = s
	}
	if v, ok := options["nodeargs"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option nodeargs must be a string, not %v", v)
		}
		args, err := shlex.Split(s)
		if err != nil {
			return opts, fmt.Errorf("runtime option nodeargs %q: %w", s, err)
		}
		opts.nodeArgs = args
	}
	return opts, nil
}

// env is what @pulumi/pulumi's run scripts read of these options.
func (o runtimeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}
