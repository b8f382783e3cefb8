"""Runs a Pulumi Python program for aks-trusted-access's test build of pulumi-language-python.

The host starts it as `python -u exec.py --monitor M --engine E ... PROGRAM [ARGS...]` inside the project's virtual
environment. It configures the `pulumi` SDK (PyPI) from those flags and PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS,
then runs PROGRAM (a folder with __main__.py, or a file) as __main__ inside the SDK's stack. Exit codes: 0 done,
32 an error was already reported to the engine, anything else an error the host reports.
"""

import argparse
import asyncio
import logging
import os
import runpy
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor

REPORTED = 32

try:
    import pulumi
    import pulumi.runtime
except ImportError:
    traceback.print_exc()
    print(
        "The Pulumi SDK is not installed in this Python environment: run `pulumi install`, "
        "or pip install -r requirements.txt in the project's virtual environment.",
        file=sys.stderr,
    )
    sys.exit(1)


def parse_args():
    parser = argparse.ArgumentParser(description="Run a Pulumi Python program")
    for flag in ("monitor", "engine", "project", "stack", "organization", "root_directory", "pwd", "tracing"):
        parser.add_argument(f"--{flag}")
    parser.add_argument("--parallel", type=int, default=None)
    parser.add_argument("--dry_run", default="false")
    parser.add_argument("PROGRAM")
    parser.add_argument("ARGS", nargs="*")
    return parser.parse_args()


def configure(args):
    pulumi.runtime.set_all_config(
        pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env()
    )
    pulumi.runtime.configure(
        pulumi.runtime.Settings(
            monitor=args.monitor,
            engine=args.engine,
            project=args.project,
            stack=args.stack,
            parallel=args.parallel,
            dry_run=args.dry_run == "true",
            organization=args.organization,
            root_directory=args.root_directory,
        )
    )


def user_traceback(program_file):
    """The traceback of the exception being handled from the program's own first frame on (all of it without one)."""
    frames = traceback.extract_tb(sys.exc_info()[2])
    for i, frame in enumerate(frames):
        if os.path.abspath(frame.filename) == program_file:
            return traceback.format_exc(limit=-(len(frames) - i))
    return traceback.format_exc()


def main():
    args = parse_args()
    configure(args)
    sys.argv = [args.PROGRAM] + args.ARGS
    if args.pwd:
        os.chdir(args.pwd)
    program = os.path.abspath(args.PROGRAM)
    if os.path.isdir(program) and not os.path.isfile(os.path.join(program, "__main__.py")):
        pulumi.log.error(f"no __main__.py in {program}: name the program's file with `main:` in Pulumi.yaml")
        return REPORTED

    # The SDK leaves futures of failed resources unobserved when a program fails; asyncio's complaints about them
    # would bury the program's own error.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # The SDK makes its blocking RPCs (a component's Construct waits for the component's whole tree) on the loop's
    # executor: give it threads for as many operations as the engine runs at once, as Pulumi's own script does.
    executor = ThreadPoolExecutor(max_workers=max(args.parallel, 1) * 4) if args.parallel else None
    if executor:
        loop.set_default_executor(executor)
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(lambda: runpy.run_path(program, run_name="__main__")))
        return 0
    except pulumi.RunError as err:
        pulumi.log.error(str(err))
        return 1
    except Exception:  # noqa: BLE001 -- every failure of the user's program is reported the same way
        main_file = os.path.join(program, "__main__.py") if os.path.isdir(program) else program
        pulumi.log.error("Program failed with an unhandled exception:\n" + user_traceback(main_file))
        return REPORTED
    finally:
        if executor:
            executor.shutdown(wait=True)
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
