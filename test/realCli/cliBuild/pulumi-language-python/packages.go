package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// pluginsScript prints, for every distribution installed in the environment, its name, its version and the
// pulumi-plugin.json that one of its top-level packages holds ("" when none does).
const pluginsScript = `
import importlib.metadata as md, json, os
found = []
for dist in md.distributions():
    plugin = ""
    for f in dist.files or []:
        if f.name == "pulumi-plugin.json" and len(f.parts) == 2:
            plugin = str(dist.locate_file(f))
            break
    found.append({"name": dist.metadata["Name"], "version": dist.version, "plugin": plugin})
print(json.dumps(found))
`

// notPlugins are Pulumi's own SDK packages, whose names start with pulumi- but which have no resource plugin.
var notPlugins = map[string]bool{"pulumi": true, "pulumi-policy": true}

type installedDistribution struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Plugin  string `json:"plugin"`
}

// pluginJSON is what a Pulumi package says of its plugin in pulumi-plugin.json.
type pluginJSON struct {
	Resource bool   `json:"resource"`
	Name     string `json:"name"`
	Version  string `json:"version"`
	Server   string `json:"server"`
}

// GetRequiredPackages lists the resource plugins that the program's environment needs: one per installed package
// whose pulumi-plugin.json says `resource: true`, or, without that file, whose name starts with `pulumi-` (the
// plugin is then the rest of the name, at the package's version). The virtual environment is made first if missing.
func (h *languageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	tc, err := resolveToolchain(req.GetInfo(), false)
	if err != nil {
		return nil, err
	}
	if err := tc.EnsureVenv(ctx, req.GetInfo().GetProgramDirectory(), false, true, os.Stderr, os.Stderr); err != nil {
		return nil, err
	}
	cmd, err := tc.Command(ctx, "-c", pluginsScript)
	if err != nil {
		return nil, err
	}
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("could not list the Python packages of %s: %w", req.GetInfo().GetProgramDirectory(), err)
	}
	var dists []installedDistribution
	if err := json.Unmarshal(out, &dists); err != nil {
		return nil, fmt.Errorf("could not read the list of Python packages: %w", err)
	}
	packages := []*pulumirpc.PackageDependency{}
	seen := map[string]bool{}
	for _, dist := range dists {
		dep, err := packageDependency(dist)
		if err != nil {
			return nil, err
		}
		if dep != nil && !seen[dep.Name+"@"+dep.Version] {
			seen[dep.Name+"@"+dep.Version] = true
			packages = append(packages, dep)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func packageDependency(dist installedDistribution) (*pulumirpc.PackageDependency, error) {
	name := strings.ToLower(strings.ReplaceAll(dist.Name, "_", "-"))
	var declared pluginJSON
	if dist.Plugin != "" {
		data, err := os.ReadFile(dist.Plugin)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &declared); err != nil {
			return nil, fmt.Errorf("%s: %w", dist.Plugin, err)
		}
		if !declared.Resource {
			return nil, nil
		}
	} else if notPlugins[name] || !strings.HasPrefix(name, "pulumi-") {
		return nil, nil
	}
	if declared.Name == "" {
		declared.Name = strings.TrimPrefix(name, "pulumi-")
	}
	if declared.Version == "" {
		v, ok := pluginVersion(dist.Version)
		if !ok {
			// A version such as 3.31.0a1605189729 names no plugin version that can be found; Pulumi skips it too.
			return nil, nil
		}
		declared.Version = v
	}
	return &pulumirpc.PackageDependency{
		Kind:    "resource",
		Name:    declared.Name,
		Version: "v" + strings.TrimPrefix(declared.Version, "v"),
		Server:  declared.Server,
	}, nil
}

var pep440 = regexp.MustCompile(`^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$`)

// pluginVersion turns a PEP 440 package version into the semver of its plugin: three numbers at least,
// aN/bN/rcN as -alpha.N/-beta.N/-rc.N, .postN and .devN as build metadata.
func pluginVersion(pkgVersion string) (string, bool) {
	m := pep440.FindStringSubmatch(pkgVersion)
	if m == nil {
		return "", false
	}
	numbers := strings.Split(m[1], ".")
	for len(numbers) < 3 {
		numbers = append(numbers, "0")
	}
	v := strings.Join(numbers, ".")
	if m[2] != "" {
		v += "-" + map[string]string{"a": "alpha", "b": "beta", "rc": "rc"}[m[2]] + "." + m[3]
	}
	var build string
	if m[4] != "" {
		build += "post" + m[4]
	}
	if m[5] != "" {
		build += "dev" + m[5]
	}
	if build != "" {
		v += "+" + build
	}
	return v, true
}
