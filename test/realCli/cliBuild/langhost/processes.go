package langhost

import (
	"os"
	"os/exec"
	"sync"
)

// Processes are the child processes a host is running, so that Cancel (the user's Ctrl-C) can interrupt them.
type Processes struct {
	mu      sync.Mutex
	running map[*exec.Cmd]struct{}
}

// Track runs `run`, keeping cmd in the set that Interrupt reaches while it runs.
func (p *Processes) Track(cmd *exec.Cmd, run func() error) error {
	p.mu.Lock()
	if p.running == nil {
		p.running = map[*exec.Cmd]struct{}{}
	}
	p.running[cmd] = struct{}{}
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.running, cmd)
		p.mu.Unlock()
	}()
	return run()
}

// Interrupt sends SIGINT to every tracked process that has started.
func (p *Processes) Interrupt() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for cmd := range p.running {
		if cmd.Process != nil {
			_ = cmd.Process.Signal(os.Interrupt)
		}
	}
}
