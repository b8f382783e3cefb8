package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

// InstallDependencies makes the project's virtual environment and installs requirements.txt (pip), or has poetry or
// uv install the project. Where pip finds packages is pip's own configuration: the tests point it at a local
// wheelhouse (PIP_NO_INDEX, PIP_FIND_LINKS), since the CLI runs without a network.
func (h *languageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	tc, err := resolveToolchain(req.GetInfo(), req.GetIsPlugin())
	if err != nil {
		return err
	}
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	dir := req.GetInfo().GetProgramDirectory()
	if err := tc.InstallDependencies(server.Context(), dir, req.GetUseLanguageVersionTools(), true, stdout, stderr); err != nil {
		return fmt.Errorf("installing the Python dependencies of %s: %w", dir, err)
	}
	return closer.Close()
}

// Link makes the program depend on local SDKs (`pulumi package add`): with pip, each SDK's folder becomes a line of
// requirements.txt in place of any line that names the same package; poetry and uv add them to pyproject.toml. A
// project that has only requirements.txt is linked as pip's, as Pulumi's host does (poetry and uv convert it at
// install). The CLI then calls InstallDependencies.
func (h *languageHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	opts, err := pythonOptions(req.GetInfo(), false)
	if err != nil {
		return nil, err
	}
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	cached := schema.NewCachedLoader(loader)

	packages := map[string]string{}
	var imports []string
	for _, dep := range req.GetPackages() {
		if dep.GetPackage().GetName() == "pulumi" {
			packages["pulumi"] = dep.GetPath()
			continue
		}
		pythonName, err := pythonPackageName(ctx, cached, dep.GetPackage())
		if err != nil {
			return nil, err
		}
		packages[pythonName] = dep.GetPath()
		imports = append(imports, "  import "+pythonName)
	}
	sort.Strings(imports)

	if opts.Toolchain != toolchain.Pip && !exists(filepath.Join(opts.ProgramDir, "pyproject.toml")) {
		if !exists(filepath.Join(opts.ProgramDir, "requirements.txt")) {
			return nil, fmt.Errorf("no pyproject.toml or requirements.txt in %s to link packages into", opts.ProgramDir)
		}
		opts.Toolchain = toolchain.Pip
	}
	tc, err := toolchain.ResolveToolchain(opts)
	if err != nil {
		return nil, err
	}
	if err := tc.LinkPackages(ctx, packages); err != nil {
		return nil, fmt.Errorf("linking packages: %w", err)
	}
	return &pulumirpc.LinkResponse{
		ImportInstructions: "You can import the SDK in your Python code with:\n\n" + strings.Join(imports, "\n") + "\n",
	}, nil
}

// pythonPackageName is the import name of a package's Python SDK: its schema's `language.python.packageName`, else
// the name Pulumi's code generator derives (pulumi_<name>).
func pythonPackageName(
	ctx context.Context, loader schema.ReferenceLoader, dep *pulumirpc.PackageDependency,
) (string, error) {
	desc := &schema.PackageDescriptor{Name: dep.GetName(), DownloadURL: dep.GetServer()}
	if v, err := semver.ParseTolerant(dep.GetVersion()); err == nil {
		desc.Version = &v
	}
	if p := dep.GetParameterization(); p != nil {
		desc.Parameterization = &schema.ParameterizationDescriptor{Name: p.GetName(), Value: p.GetValue()}
		if v, err := semver.ParseTolerant(p.GetVersion()); err == nil {
			desc.Parameterization.Version = v
		}
	}
	ref, err := schema.LoadPackageReferenceV2(ctx, loader, desc)
	if err != nil {
		return "", fmt.Errorf("could not load the schema of %s: %w", dep.GetName(), err)
	}
	pkg, err := ref.Definition()
	if err != nil {
		return "", fmt.Errorf("could not bind the schema of %s: %w", dep.GetName(), err)
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{"python": python.Importer}); err != nil {
		return "", err
	}
	if info, ok := pkg.Language["python"].(python.PackageInfo); ok && info.PackageName != "" {
		return info.PackageName, nil
	}
	return python.PyPack(ref.Namespace(), ref.Name()), nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
