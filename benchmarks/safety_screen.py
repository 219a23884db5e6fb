"""The scam screen on public text (issue 15): job posts, listings and storefront bios are up to
5,000 characters plus a title and links, longer than a message's 4,000. Prints the screen's CPU
time on the adversarial corpus of benchmarks/input_hardening.py at both lengths (the anchor: the
4,000-character messages, whose bound tests/test_hardening_input.py holds), with the load average.

    .venv/bin/python benchmarks/safety_screen.py [--corpus fixed|full]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from benchmarks.input_hardening import corpus
from domain.messaging.screening import ScreenContext, screen

PUBLIC = ScreenContext(has_booking=False)


def figures(kind: str, length: int, extra: tuple[str, ...]) -> str:
    cpu = []
    for unit in corpus(kind):
        text = (unit * (length // len(unit) + 1))[:length]
        started = time.thread_time()
        screen(text, PUBLIC, extra=extra)
        cpu.append(time.thread_time() - started)
    cpu.sort(reverse=True)
    return (f"{len(cpu)} texts, max {1000 * cpu[0]:.1f} ms, p99 {1000 * cpu[max(0, len(cpu) // 100 - 1)]:.1f} ms, "
            f"median {1000 * statistics.median(cpu):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("fixed", "full"), default="full")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    print(f"anchor, 4,000-character messages: {figures(args.corpus, 4_000, ())}")
    title_and_links = ("x" * 160, "https://example.com/" + "a" * 200)
    print(f"public text, 5,000 characters + title + link: {figures(args.corpus, 5_000, title_and_links)}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
