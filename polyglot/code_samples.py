"""Extracts the spec's x-codeSamples and runs every one against a running sandbox.

  code_samples.py write SPEC WORK TYPESCRIPT_DIR   writes the samples (the TypeScript ones into
                                                   TYPESCRIPT_DIR, to be compiled with its tsc)
  code_samples.py run SPEC WORK TYPESCRIPT_DIR CLASSPATH
                                                   compiles the Java ones on CLASSPATH and runs all

Needs VIDU_BASE_URL and VIDU_API_KEY. Samples that act on a task get a fresh one in VIDU_TASK_ID.
A sample passes when it exits 0 within its time limit; every operation must have all languages.
"""

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import yaml

LANGUAGES = ("Shell", "Java", "Python", "TypeScript")
NEEDS_TASK = {"getTaskCreations", "cancelTask"}
SAMPLE_TIMEOUT_SECONDS = 60


def operations(spec_path):
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    found = []
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            samples = {s["lang"]: s["source"] for s in operation.get("x-codeSamples", [])}
            missing = [lang for lang in LANGUAGES if lang not in samples]
            if missing:
                sys.exit(f"{operation['operationId']}: no x-codeSamples for {', '.join(missing)}")
            found.append((operation["operationId"], samples))
    return found


def java_class(source):
    match = re.search(r"public\s+final\s+class\s+(\w+)", source)
    if not match:
        sys.exit("a Java sample must declare a public final class")
    return match.group(1)


def files(work, typescript_dir, operation_id, samples):
    return {
        "Shell": work / "curl" / f"{operation_id}.sh",
        "Python": work / "python" / f"{operation_id}.py",
        "Java": work / "java" / f"{java_class(samples['Java'])}.java",
        "TypeScript": typescript_dir / f"sample-{operation_id}.ts",
    }


def write(spec, work, typescript_dir):
    for operation_id, samples in operations(spec):
        for lang, path in files(work, typescript_dir, operation_id, samples).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(samples[lang], encoding="utf-8")


def new_task():
    request = urllib.request.Request(
        os.environ["VIDU_BASE_URL"] + "/ent/v2/reference2image",
        data=json.dumps({"model": "viduq2", "prompt": "a task for the code samples"}).encode(),
        headers={"Authorization": "Token " + os.environ["VIDU_API_KEY"], "Content-Type": "application/json"},
        method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["task_id"]


def run(spec, work, typescript_dir, classpath):
    classes = work / "java-classes"
    java_sources = sorted(str(p) for p in (work / "java").glob("*.java"))
    subprocess.run(["javac", "-d", str(classes), "-cp", classpath, *java_sources], check=True)
    commands = {
        "Shell": lambda path: ["bash", str(path)],
        "Python": lambda path: [sys.executable, str(path)],
        "Java": lambda path: ["java", "-cp", classpath + os.pathsep + str(classes), path.stem],
        "TypeScript": lambda path: ["node", str(typescript_dir / "dist" / (path.stem + ".js"))],
    }
    failures, ran = [], 0
    for operation_id, samples in operations(spec):
        for lang, path in files(work, typescript_dir, operation_id, samples).items():
            env = dict(os.environ)
            if operation_id in NEEDS_TASK:
                env["VIDU_TASK_ID"] = new_task()
            name = f"{operation_id} / {lang}"
            ran += 1
            try:
                done = subprocess.run(commands[lang](path), env=env, capture_output=True, text=True,
                                      timeout=SAMPLE_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                failures.append(f"{name}: no exit within {SAMPLE_TIMEOUT_SECONDS} s")
                continue
            if done.returncode != 0:
                failures.append(f"{name}: exit {done.returncode}\n{done.stdout}{done.stderr}")
            else:
                print(f"ok {name}: {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else '(no output)'}"[:160])
    for failure in failures:
        print("FAILED " + failure, file=sys.stderr)
    print(f"{ran - len(failures)} of {ran} code samples passed")
    return 1 if failures else 0


if __name__ == "__main__":
    command, spec_file, work_dir, ts_dir, *rest = sys.argv[1:]
    if command == "write":
        write(spec_file, Path(work_dir), Path(ts_dir))
    elif command == "run":
        sys.exit(run(spec_file, Path(work_dir), Path(ts_dir), rest[0]))
    else:
        sys.exit(f"unknown command {command}")
