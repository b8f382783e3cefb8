// pulumi-language-java, written for this project's tests: generates Java SDKs (`pulumi package gen-sdk --language
// java`) with pulumi-java's code generator (github.com/pulumi/pulumi-java/pkg, the version the Go module proxy
// serves), as pulumi-java's own host does: types deduplicated, then bound, then generated with Gradle build files.
// It does not run Java programs.
package main

import (
	"fmt"

	java "github.com/pulumi/pulumi-java/pkg/codegen/java"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"aks-trusted-access.invalid/codegenhosts/genhost"
)

func main() {
	genhost.Serve("java", deduplicate, func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest) (map[string][]byte, error) {
		return java.GeneratePackage("pulumi-language-java", pkg, req.GetExtraFiles(), req.GetLocalDependencies(),
			req.GetLocal(), false /* legacyBuildFiles */)
	})
}

// deduplicate merges types whose names differ only in case, which Java's file names cannot tell apart.
func deduplicate(spec *schema.PackageSpec) (*schema.PackageSpec, error) {
	deduped, diags, err := java.DeduplicateTypes(spec)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("merging the schema's types whose names differ only in case: %s", diags.Error())
	}
	return deduped, nil
}
