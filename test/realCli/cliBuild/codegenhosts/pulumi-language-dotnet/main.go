// pulumi-language-dotnet, written for this project's tests: generates .NET SDKs (`pulumi package gen-sdk
// --language dotnet`) with Pulumi's .NET code generator as published in github.com/pulumi/pulumi/pkg/v3 up to
// v3.228.0. It does not run .NET programs: NuGet cannot be reached here, so no .NET SDK can be built or run.
package main

import (
	"net/http"

	dotnet "github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"aks-trusted-access.invalid/codegenhosts/genhost"
)

func main() {
	http.DefaultTransport = offlineLogo{}
	genhost.Serve("dotnet", nil, func(pkg *schema.Package, req *pulumirpc.GeneratePackageRequest) (map[string][]byte, error) {
		return dotnet.GeneratePackage("pulumi-language-dotnet", pkg, req.GetExtraFiles(), req.GetLocalDependencies())
	})
}
