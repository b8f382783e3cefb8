package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"aks-trusted-access.invalid/clibuild/langhost"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runtimeOptions are the `runtime.options` of a Go project's Pulumi.yaml: a prebuilt `binary` to run, or a
// `buildTarget` path to build to (kept after the run); by default a temporary binary.
type runtimeOptions struct {
	binary      string
	buildTarget string
}

func parseRuntimeOptions(options map[string]any) (runtimeOptions, error) {
	var opts runtimeOptions
	for name, field := range map[string]*string{"binary": &opts.binary, "buildTarget": &opts.buildTarget} {
		if v, ok := options[name]; ok {
			s, isString := v.(string)
			if !isString {
				return opts, fmt.Errorf("runtime option %s must be a path, not %v", name, v)
			}
			*field = s
		}
	}
	if opts.binary != "" && opts.buildTarget != "" {
		return opts, fmt.Errorf("runtime options binary (%q) and buildTarget (%q) cannot both be set: "+
			"binary runs a program built elsewhere, buildTarget says where to build it", opts.binary, opts.buildTarget)
	}
	return opts, nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	opts, err := parseRuntimeOptions(info.GetOptions().AsMap())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env, err := h.programEnv(req)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	program := opts.binary
	if program != "" {
		if program, err = exec.LookPath(program); err != nil {
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("runtime option binary: %v", err)}, nil
		}
	} else {
		program, err = h.build(ctx, info.GetProgramDirectory(), opts.buildTarget)
		if err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
		if opts.buildTarget == "" {
			defer os.Remove(program)
		}
	}

	cmd := exec.CommandContext(ctx, program)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	return h.RunProgram(cmd, "the program"), nil
}

// build compiles the program's main package with `go build` into target, or a temporary file when target is "".
func (h *languageHost) build(ctx context.Context, dir, target string) (string, error) {
	if sources, _ := filepath.Glob(filepath.Join(dir, "*.go")); len(sources) == 0 {
		return "", fmt.Errorf("no Go files to build in %s: a Go program's main package must be in its folder", dir)
	}
	if target == "" {
		f, err := os.CreateTemp("", "pulumi-go.*")
		if err != nil {
			return "", fmt.Errorf("could not create the program's temporary binary: %w", err)
		}
		target = f.Name()
		_ = f.Close()
	} else if !filepath.IsAbs(target) {
		target = filepath.Join(dir, target)
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-buildvcs=false", "-trimpath", "-ldflags", "-w -s", "-o", target)
	cmd.Dir = dir
	// The CLI shows the host's stderr, so compiler errors reach the user as they are.
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := h.Processes.Track(cmd, cmd.Run); err != nil {
		return "", fmt.Errorf("go build in %s failed (its errors are above): %w", dir, err)
	}
	return target, nil
}

// programEnv is what the Go SDK reads at start (sdk/go/pulumi/run.go getEnvInfo). The configuration goes as the
// engine gives it: the Go SDK looks keys up exactly as `<namespace>:<name>`, so langhost.ProgramConfig's
// `<namespace>:config:<name>` form, which the Node.js and Python SDKs take, would hide every value from it.
func (h *languageHost) programEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys, err := langhost.SecretKeys(req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	env := os.Environ()
	set := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	set("PULUMI_ORGANIZATION", req.GetOrganization())
	set("PULUMI_PROJECT", req.GetProject())
	set("PULUMI_ROOT_DIRECTORY", req.GetInfo().GetRootDirectory())
	set("PULUMI_STACK", req.GetStack())
	set("PULUMI_CONFIG", string(configJSON))
	set("PULUMI_CONFIG_SECRET_KEYS", secretKeys)
	set("PULUMI_DRY_RUN", strconv.FormatBool(req.GetDryRun()))
	set("PULUMI_PARALLEL", strconv.Itoa(int(req.GetParallel())))
	set("PULUMI_MONITOR", req.GetMonitorAddress())
	set("PULUMI_ENGINE", h.EngineAddress)
	return env, nil
}
