#!/usr/bin/env python3
"""`make bench`: apigen's benchmarks on the docs corpus, each a ratio against a reference that
hyperfine measures in the same run (the machine is shared and noisy, so absolute times say
little), written as one Markdown table with the machine and the date.

A benchmark is one function of `Bench` that returns rows; `BENCHMARKS` lists them in the
table's order. Adding one (generation against the `cmark` command-line tool, scaling over
copies of the corpus) is one more function and one more line there.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

# The package that compiles a generated client with apigen's runtime, as an app would.
CLIENT_MANIFEST = """\
// swift-tools-version: 6.2
import PackageDescription
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]
let package = Package(
  name: "Bench", platforms: [.macOS(.v15)],
  targets: [
    .target(name: "APIGenRuntime", swiftSettings: strict),
    .target(name: "GeneratedAPI", dependencies: ["APIGenRuntime"], swiftSettings: strict),
  ])
"""


@dataclass
class Timing:
    """What hyperfine measured of one command: the wall-clock time of each run, and the CPU
    time (user and system, of the process and its children) of each run or, where hyperfine
    gives only that, their mean."""

    seconds: list
    cpu: list

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def cpu_median(self):
        return statistics.median(self.cpu)


@dataclass
class Row:
    """One line of the table: `measured` against `reference`, with the peak memory of each
    where the benchmark measures it (MB)."""

    benchmark: str
    measured: str
    measured_timing: Timing
    reference: str
    reference_timing: Timing
    runs: int
    target: str = ""
    measured_mb: float | None = None
    reference_mb: float | None = None
    # Said under the table: each run's figures, say.
    details: str = ""

    @property
    def ratio(self) -> float:
        return self.measured_timing.median / self.reference_timing.median

    @property
    def cpu_ratio(self) -> float:
        return self.measured_timing.cpu_median / self.reference_timing.cpu_median


def run(command, **options):
    """Runs a command, echoing it, and stops the benchmark when it fails."""
    print("+ " + " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **options)


class Bench:
    def __init__(self, options):
        self.options = options
        self.swift = options.swift
        self.apigen = Path(options.apigen).resolve()
        self.corpus = Path(options.corpus).resolve()
        self.work = Path(options.work).resolve()
        self.runs = options.runs
        self.peer = REPOSITORY / "Interop" / "swift-openapi-generator-check"

    # --- measuring ---

    def hyperfine(self, commands, runs, prepare=None, warmup=0):
        """The timing of each named command, from one hyperfine run."""
        export = self.work / "hyperfine.json"
        arguments = ["hyperfine", "--runs", str(runs), "--warmup", str(warmup)]
        arguments += ["--export-json", str(export)]
        if prepare:
            arguments += ["--prepare", prepare]
        for name, command in commands:
            arguments += ["-n", name, command]
        run(arguments)
        results = json.loads(export.read_text())["results"]
        return {
            result["command"]: Timing(result["times"], [result["user"] + result["system"]])
            for result in results
        }

    def alternating(self, commands, runs, prepare):
        """Runs the commands in turn, `runs` times over, so that a change in the machine's load
        falls on both; returns each one's timing and peak memories (the largest resident set of
        any one process of the command, in MB, from GNU time)."""
        times = {name: Timing([], []) for name, _ in commands}
        memory = {name: [] for name, _ in commands}
        for _ in range(runs):
            timed = []
            for name, command in commands:
                record = self.work / f"rss-{len(timed)}.txt"
                record.unlink(missing_ok=True)
                timed.append(
                    (name, f"/usr/bin/time -f %M -o {record} {command}", record)
                )
            results = self.hyperfine([(n, c) for n, c, _ in timed], runs=1, prepare=prepare)
            for name, _, record in timed:
                times[name].seconds += results[name].seconds
                times[name].cpu += results[name].cpu
                memory[name].append(int(record.read_text().split()[-1]) / 1024)
        return times, memory

    # --- what the benchmarks share ---

    def corpus_output(self):
        """The corpus generated once: its Swift client and its openapi.json."""
        output = self.work / "out"
        if not (output / "openapi.json").exists():
            subprocess.run(
                [self.apigen, "generate", "--docs", self.corpus, "--output", output],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        return output

    def client_package(self, name, sources):
        """A package of apigen's runtime and `GeneratedAPI`, from the given Swift files."""
        package = self.work / name
        if package.exists():
            shutil.rmtree(package)
        (package / "Sources").mkdir(parents=True)
        shutil.copytree(REPOSITORY / "Sources" / "APIGenRuntime", package / "Sources" / "APIGenRuntime")
        generated = package / "Sources" / "GeneratedAPI"
        generated.mkdir()
        for path, text in sources:
            (generated / path).write_text(text)
        (package / "Package.swift").write_text(CLIENT_MANIFEST)
        return package

    def corpus_client(self):
        swift = self.corpus_output() / "Swift"
        files = sorted(swift.glob("*.swift"))
        return self.client_package("client", [(path.name, path.read_text()) for path in files])

    # --- the benchmarks ---

    def generation_against_reading(self):
        """Generating the corpus (parse, extract, emit, write) against reading it alone."""
        out = self.work / "generated"
        times = self.hyperfine(
            [
                ("read", f"{self.apigen} stats --docs {self.corpus}"),
                ("generate", f"{self.apigen} generate --docs {self.corpus} --output {out}"),
            ],
            runs=self.runs * 2,
            warmup=1,
            prepare=f"rm -rf {out}",
        )
        return [
            Row(
                "Generation of the corpus (debug apigen)",
                "`apigen generate`",
                times["generate"],
                "`apigen stats` (reading alone)",
                times["read"],
                self.runs * 2,
            )
        ]

    def client_build_against_runtime(self):
        """A clean debug build of the corpus client with the runtime, against the runtime with
        a one-line module: the fixed cost of SwiftPM, the manifest and the runtime."""
        client = self.corpus_client()
        reference = self.client_package("reference", [("Empty.swift", "import APIGenRuntime\n")])
        lines = sum(len(path.read_text().splitlines()) for path in (client / "Sources" / "GeneratedAPI").glob("*.swift"))
        times = self.hyperfine(
            [
                ("runtime", f"{self.swift} build --package-path {reference} --target GeneratedAPI"),
                ("client", f"{self.swift} build --package-path {client} --target GeneratedAPI"),
            ],
            runs=self.runs,
            prepare=f"rm -rf {client}/.build {reference}/.build",
        )
        return [
            Row(
                f"Clean debug build of the corpus client ({lines:,} lines) with the runtime",
                "client and runtime",
                times["client"],
                "runtime alone",
                times["runtime"],
                self.runs,
            )
        ]

    def client_compile_against_swift_openapi_generator(self):
        """P3: the corpus client's clean debug build, the client target only with its runtime
        prebuilt, against swift-openapi-generator 1.14.3's types and client for the corpus's
        own openapi.json (compiled with swift-openapi-runtime, also prebuilt)."""
        client = self.corpus_client()
        run([self.swift, "build", "--package-path", client, "--target", "APIGenRuntime"])
        generate = REPOSITORY / "Interop" / "swift-openapi-generator-check" / "generate.sh"
        run([generate, self.corpus_output() / "openapi.json"])
        run([self.swift, "build", "--package-path", self.peer, "--target", "OpenAPIRuntime"])
        peer_lines = sum(
            len(path.read_text().splitlines())
            for path in (self.peer / "Sources" / "PeerClient").glob("*.swift")
        )
        client_lines = sum(
            len(path.read_text().splitlines())
            for path in (client / "Sources" / "GeneratedAPI").glob("*.swift")
        )

        def clean(package, target):
            build = package / ".build" / "debug"
            return f"rm -rf {build}/{target}.build {build}/Modules/{target}.*"

        times, memory = self.alternating(
            [
                ("apigen", f"{self.swift} build --package-path {client} --target GeneratedAPI"),
                (
                    "swift-openapi-generator",
                    f"{self.swift} build --package-path {self.peer} --target PeerClient",
                ),
            ],
            runs=self.options.peer_runs,
            prepare=f"{clean(client, 'GeneratedAPI')}; {clean(self.peer, 'PeerClient')}",
        )
        return [
            Row(
                "Clean debug build of the corpus client target, dependencies prebuilt (P3)",
                f"apigen's client ({client_lines:,} lines)",
                times["apigen"],
                f"swift-openapi-generator 1.14.3's types and client ({peer_lines:,} lines)",
                times["swift-openapi-generator"],
                self.options.peer_runs,
                target="≤ 1/15 of the time, ≤ 1/10 of the memory",
                measured_mb=max(memory["apigen"]),
                reference_mb=max(memory["swift-openapi-generator"]),
                details="P3 runs in turn, apigen's client then swift-openapi-generator's "
                + "(wall clock, CPU, peak memory): "
                + "; ".join(
                    f"{a:.1f} s, {ac:.1f} s CPU, {am:.0f} MB then {p:.1f} s, {pc:.1f} s CPU, "
                    + f"{pm:.0f} MB"
                    for a, ac, am, p, pc, pm in zip(
                        times["apigen"].seconds,
                        times["apigen"].cpu,
                        memory["apigen"],
                        times["swift-openapi-generator"].seconds,
                        times["swift-openapi-generator"].cpu,
                        memory["swift-openapi-generator"],
                    )
                )
                + ".",
            )
        ]


BENCHMARKS = [
    Bench.generation_against_reading,
    Bench.client_build_against_runtime,
    Bench.client_compile_against_swift_openapi_generator,
]


def machine():
    def first(path, key):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    memory_kb = first("/proc/meminfo", "MemTotal").split()[0]
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    load = os.getloadavg()
    return [
        f"{first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores, "
        + f"{int(memory_kb) / 1024 / 1024:.0f} GiB, {platform.system()} {platform.machine()}",
        swift[0] if swift else "swift: unknown",
        f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        + "(other builds share the machine)",
    ]


def ratio(value):
    """`0.137 (1/7.3)`: a ratio below 1 also as the fraction it is."""
    return f"{value:.3f}" + (f" (1/{1 / value:.1f})" if value < 1 else "")


def table(rows, options):
    commit = subprocess.run(
        ["git", "-C", str(REPOSITORY), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# apigen benchmarks",
        "",
        f"`make bench` on {date}, commit `{commit or 'unknown'}`, corpus "
        + f"`{Path(options.corpus).name}` of `{Path(options.corpus).parent.name}`.",
        "",
        *[f"- {line}" for line in machine()],
        "",
        "Times are medians of the runs (wall clock); a ratio is the measured time over the "
        + "reference's, both measured in the same run. CPU is user and system time of the "
        + "command and its children, over the same ratio: it shows the work, which a loaded "
        + "machine does not stretch as it stretches the wall clock, but not what parallel jobs "
        + "gain. Memory is the largest resident set of any one process of the build (GNU "
        + "time), in MB.",
        "",
        "| benchmark | measured | reference | ratio | CPU ratio | memory (measured / reference) "
        + "| runs | target |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        memory = ""
        if row.measured_mb is not None and row.reference_mb is not None:
            memory = (
                f"{row.measured_mb:,.0f} MB / {row.reference_mb:,.0f} MB "
                + f"({row.measured_mb / row.reference_mb:.3f})"
            )
        lines.append(
            f"| {row.benchmark} | {row.measured}: {row.measured_timing.median:.2f} s "
            + f"| {row.reference}: {row.reference_timing.median:.2f} s | {ratio(row.ratio)} "
            + f"| {ratio(row.cpu_ratio)} | {memory} | {row.runs} | {row.target} |"
        )
    details = [f"- {row.details}" for row in rows if row.details]
    if details:
        lines += [""] + details
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apigen", required=True, help="the apigen executable")
    parser.add_argument("--corpus", required=True, help="the docs folder to measure on")
    parser.add_argument("--work", required=True, help="a scratch folder, emptied first")
    parser.add_argument("--output", required=True, help="the Markdown file to write")
    parser.add_argument("--swift", default="swift")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer-runs", type=int, default=3, help="runs of the P3 builds")
    parser.add_argument(
        "--only", action="append", default=[], help="run only the benchmarks of these names"
    )
    options = parser.parse_args()

    work = Path(options.work)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    bench = Bench(options)
    rows = []
    for benchmark in BENCHMARKS:
        if options.only and benchmark.__name__ not in options.only:
            continue
        rows += benchmark(bench)
    text = table(rows, options)
    Path(options.output).parent.mkdir(parents=True, exist_ok=True)
    Path(options.output).write_text(text)
    print(text)


if __name__ == "__main__":
    sys.exit(main())
