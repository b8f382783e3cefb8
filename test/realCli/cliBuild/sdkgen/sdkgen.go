// Package sdkgen is the part of GeneratePackage that every language host of ours shares: read the package schema
// the engine sends, bind it (resolving references to other packages, such as azure-native's resources, through the
// engine's schema loader at req.LoaderTarget), hand the bound package to the language's code generator, and write
// the files it returns under req.Directory. Binding errors come back as diagnostics, as Pulumi's own hosts return
// them, and the CLI prints them; nothing is written then.
package sdkgen

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Generator writes one language's SDK for a bound package: file paths relative to the output folder, and their
// contents. `loader` resolves the packages the schema refers to (a language generator needs them to name their
// types). The request's other fields (ExtraFiles, LocalDependencies, Local) are the generator's to read.
type Generator func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error)

// Generate binds req.Schema with the engine's loader and writes what gen makes of it under req.Directory.
func Generate(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest, gen Generator,
) (*pulumirpc.GeneratePackageResponse, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, fmt.Errorf("the package schema the engine sent is not valid JSON: %w", err)
	}
	client, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, fmt.Errorf("connecting to the engine's schema loader at %q: %w", req.LoaderTarget, err)
	}
	defer client.Close()
	loader := schema.NewCachedLoader(client)

	// Dangling references are allowed as the CLI's own hosts allow them: a type a schema names but does not define
	// is the schema author's concern, not a reason to refuse the SDK.
	pkg, diags, err := schema.BindSpecWithContext(ctx, spec, loader, schema.ValidationOptions{
		AllowDanglingReferences: true,
	})
	if err != nil {
		return nil, fmt.Errorf("binding the schema of %s: %w", spec.Name, err)
	}
	response := &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return response, nil
	}

	files, err := gen(pkg, loader)
	if err != nil {
		return nil, fmt.Errorf("generating the SDK of %s: %w", spec.Name, err)
	}
	if err := write(req.Directory, files); err != nil {
		return nil, err
	}
	return response, nil
}

// write puts each file under dir, refusing a path that would leave it.
func write(dir string, files map[string][]byte) error {
	for name, data := range files {
		if !filepath.IsLocal(name) {
			return fmt.Errorf("the generator returned %q, a path outside the output folder", name)
		}
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	return nil
}
