package langhost

import (
	"encoding/json"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
)

// ProgramConfig is the stack configuration as every Pulumi SDK reads it from PULUMI_CONFIG: keys in the
// `<namespace>:config:<name>` form (each SDK also accepts `<namespace>:<name>`; check yours).
func ProgramConfig(values map[string]string) (string, error) {
	keyed := make(map[string]string, len(values))
	for k, v := range values {
		key, err := config.ParseKey(k)
		if err != nil {
			return "", fmt.Errorf("stack configuration key %q: %w", k, err)
		}
		keyed[key.Namespace()+":config:"+key.Name()] = v
	}
	out, err := json.Marshal(keyed)
	return string(out), err
}

// SecretKeys is the JSON list for PULUMI_CONFIG_SECRET_KEYS: `[]`, never `null`.
func SecretKeys(keys []string) (string, error) {
	if keys == nil {
		keys = []string{}
	}
	out, err := json.Marshal(keys)
	return string(out), err
}
