package langhost

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// ExitAfterUserMessage is the exit code by which every Pulumi SDK says it has already shown the user the error.
const ExitAfterUserMessage = 32

// RunProgram runs a program's process (made with exec.CommandContext) to its end as the engine expects: its output
// is the host's, a cancelled context interrupts it before killing it, and its exit becomes the RunResponse (Bail
// when the SDK has already reported the error). `runtime` names what ran it in the message when it could not start.
func (h *Host) RunProgram(cmd *exec.Cmd, runtime string) *pulumirpc.RunResponse {
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second

	err := h.Processes.Track(cmd, cmd.Run)
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exit) && exit.ExitCode() == ExitAfterUserMessage:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exit):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode()),
		}
	default:
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Problem executing program (could not run %s): %v", runtime, err),
		}
	}
}
