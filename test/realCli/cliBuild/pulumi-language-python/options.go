package main

import (
	"fmt"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

var toolchains = map[string]toolchain.PythonOptions{
	"pip":    {Toolchain: toolchain.Pip},
	"poetry": {Toolchain: toolchain.Poetry},
	"uv":     {Toolchain: toolchain.Uv},
}

// pythonOptions reads the `runtime.options` of a Pulumi.yaml that say where Python and the packages are:
// `toolchain` (pip, poetry or uv; found from the project's lock files when unset) and `virtualenv` (a folder
// relative to the project's root). A plugin run by pip gets `venv` when it names none, as Pulumi's host does.
func pythonOptions(info *pulumirpc.ProgramInfo, isPlugin bool) (toolchain.PythonOptions, error) {
	if info == nil {
		return toolchain.PythonOptions{}, errNoInfo
	}
	opts := toolchain.PythonOptions{Root: info.GetRootDirectory(), ProgramDir: info.GetProgramDirectory()}
	options := info.GetOptions().AsMap()
	if v, ok := options["virtualenv"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option virtualenv must be a folder name, not %v", v)
		}
		opts.Virtualenv = s
	}
	if v, ok := options["toolchain"]; ok {
		s, isString := v.(string)
		chosen, known := toolchains[s]
		if !isString || !known {
			return opts, fmt.Errorf("runtime option toolchain must be pip, poetry or uv, not %v", v)
		}
		opts.Toolchain = chosen.Toolchain
	}
	if v, ok := options["typechecker"]; ok {
		return opts, fmt.Errorf("runtime option typechecker (%v) is not supported by this test build's Python host", v)
	}
	if isPlugin && opts.Virtualenv == "" && (opts.Toolchain == toolchain.Pip || opts.Toolchain == toolchain.Auto) {
		opts.Virtualenv = "venv"
	}
	return opts, nil
}

func resolveToolchain(info *pulumirpc.ProgramInfo, isPlugin bool) (toolchain.Toolchain, error) {
	opts, err := pythonOptions(info, isPlugin)
	if err != nil {
		return nil, err
	}
	return toolchain.ResolveToolchain(opts)
}
