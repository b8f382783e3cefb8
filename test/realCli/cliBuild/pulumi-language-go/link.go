package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Link makes the program use the SDKs that `pulumi package add` generated into its folder: for each, a
// `replace <module> => ./<folder>` in the program's go.mod, the module path read from the SDK's own go.mod. The CLI
// runs InstallDependencies next, whose `go mod tidy` adds the `require` once the program imports the SDK.
func (h *languageHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	programDir := req.GetInfo().GetProgramDirectory()
	gomodPath := filepath.Join(programDir, "go.mod")
	data, err := os.ReadFile(gomodPath)
	if err != nil {
		return nil, fmt.Errorf("linking an SDK needs the program's go.mod: %w", err)
	}
	gomod, err := modfile.Parse(gomodPath, data, nil)
	if err != nil {
		return nil, err
	}
	var imports strings.Builder
	for _, dep := range req.GetPackages() {
		sdkDir := dep.GetPath()
		if !filepath.IsAbs(sdkDir) {
			sdkDir = filepath.Join(programDir, sdkDir)
		}
		modulePath, err := modulePathOf(sdkDir)
		if err != nil {
			return nil, fmt.Errorf("package %s: %w", dep.GetPackage().GetName(), err)
		}
		if err := gomod.AddReplace(modulePath, "", replacePath(programDir, sdkDir), ""); err != nil {
			return nil, fmt.Errorf("could not add a replace of %s to %s: %w", modulePath, gomodPath, err)
		}
		fmt.Fprintf(&imports, "    %q\n", modulePath+"/"+importName(sdkDir))
	}
	out, err := gomod.Format()
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(gomodPath, out, 0o644); err != nil {
		return nil, err
	}
	return &pulumirpc.LinkResponse{
		ImportInstructions: "You can import the SDK in your Go code with:\n\n  import (\n" + imports.String() + "  )\n",
	}, nil
}

// modulePathOf reads the module path of the module in dir.
func modulePathOf(dir string) (string, error) {
	path := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("the generated Go SDK has no go.mod: %w", err)
	}
	modulePath := modfile.ModulePath(data)
	if modulePath == "" {
		return "", fmt.Errorf("%s has no module line", path)
	}
	return modulePath, nil
}

// replacePath is sdkDir as a go.mod replace names a folder: relative to the program, starting with ./ (Go takes a
// path without it for a module path).
func replacePath(programDir, sdkDir string) string {
	rel, err := filepath.Rel(programDir, sdkDir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return sdkDir
	}
	return "./" + filepath.ToSlash(rel)
}

// importName is the SDK's one package folder (the generator writes the package under a folder named after it).
func importName(sdkDir string) string {
	entries, _ := os.ReadDir(sdkDir)
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != "internal" {
			return e.Name()
		}
	}
	return ""
}

// InstallDependencies runs `go mod tidy` in the program's folder: it resolves the imports (a linked SDK among
// them) and downloads what the module cache lacks, which needs GOPROXY to be reachable unless the cache holds all.
func (h *languageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	dir := req.GetInfo().GetProgramDirectory()
	fmt.Fprintf(stdout, "Installing dependencies (go mod tidy in %s)...\n", dir)
	cmd := exec.CommandContext(server.Context(), "go", "mod", "tidy")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := h.Processes.Track(cmd, cmd.Run); err != nil {
		return fmt.Errorf("go mod tidy in %s failed (its errors are above): %w", dir, err)
	}
	fmt.Fprintln(stdout, "Finished installing dependencies")
	return closer.Close()
}
