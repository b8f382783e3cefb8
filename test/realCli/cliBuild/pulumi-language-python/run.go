package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// execScript runs the program inside the SDK; see its docstring.
//
//go:embed exec.py
var execScript []byte

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	tc, err := resolveToolchain(req.GetInfo(), false)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	script, err := writeExecScript()
	if err != nil {
		return nil, err
	}
	defer os.Remove(script)
	values := req.GetConfig()
	if values == nil {
		values = map[string]string{}
	}
	config, err := json.Marshal(values)
	if err != nil {
		return nil, fmt.Errorf("could not serialize the stack configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secrets, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("could not serialize the secret configuration keys: %w", err)
	}

	cmd, err := tc.Command(ctx, append([]string{"-u", script}, h.runArguments(req)...)...)
	if err != nil {
		return nil, err
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	// The SDK keeps config keys as the engine sends them (`project:key`), unlike the Node.js SDK.
	cmd.Env = append(cmd.Env, "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secrets))
	return h.RunProgram(cmd, "python"), nil
}

// runArguments are exec.py's flags, each only when the engine gave a value, then the entry point and its arguments.
func (h *languageHost) runArguments(req *pulumirpc.RunRequest) []string {
	var args []string
	flagIfSet := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flagIfSet("monitor", req.GetMonitorAddress())
	flagIfSet("engine", h.EngineAddress)
	flagIfSet("project", req.GetProject())
	flagIfSet("root_directory", req.GetInfo().GetRootDirectory())
	flagIfSet("stack", req.GetStack())
	flagIfSet("organization", req.GetOrganization())
	flagIfSet("pwd", req.GetPwd())
	flagIfSet("dry_run", strconv.FormatBool(req.GetDryRun()))
	flagIfSet("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, req.GetInfo().GetEntryPoint())
	return append(args, req.GetArgs()...)
}

// writeExecScript puts exec.py in a temporary file for one run.
func writeExecScript() (string, error) {
	f, err := os.CreateTemp("", "pulumi-language-python-exec-*.py")
	if err != nil {
		return "", fmt.Errorf("could not write the exec script: %w", err)
	}
	defer f.Close()
	if _, err := f.Write(execScript); err != nil {
		return "", fmt.Errorf("could not write the exec script: %w", err)
	}
	return f.Name(), nil
}
