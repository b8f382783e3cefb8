package langhost

import (
	"context"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Host answers what every language host of this build answers alike: the handshake that hands over the engine's
// address, the plugin's version, and Cancel, which interrupts the processes the host runs. Hosts embed it.
type Host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	EngineAddress string
	Processes     Processes
}

func (h *Host) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.EngineAddress = req.EngineAddress
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *Host) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Cancel interrupts every process the host started; the engine calls it when the user presses Ctrl-C.
func (h *Host) Cancel(ctx context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	h.Processes.Interrupt()
	return &emptypb.Empty{}, nil
}
