package main

import (
	"context"

	codegen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"aks-trusted-access.invalid/clibuild/sdkgen"
)

// GeneratePackage writes the Go SDK of a schema with Pulumi's Go code generator, the schemas it refers to (e.g.
// azure-native's) loaded through the engine's loader.
func (h *languageHost) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	if len(req.GetExtraFiles()) > 0 {
		return nil, notBuilt("GeneratePackage with extra files (overlays)")
	}
	return sdkgen.Generate(ctx, req, func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
		return codegen.GeneratePackage("pulumi-language-go", pkg, req.GetLocalDependencies())
	})
}
