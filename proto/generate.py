"""Generate Python protobuf/gRPC code from proto/antena into proto/python.

    python proto/generate.py          # write the generated code
    python proto/generate.py --check  # fail if the committed code is stale
"""
from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "python"


def generate(out: Path) -> None:
    import grpc_tools

    protos = sorted(str(p.relative_to(HERE)) for p in (HERE / "antena").rglob("*.proto"))
    include = Path(grpc_tools.__file__).parent / "_proto"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{HERE}", f"-I{include}",
         f"--python_out={out}", f"--grpc_python_out={out}", f"--pyi_out={out}", *protos],
        check=True, cwd=HERE,
    )


def _tree(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp)
            generate(fresh)
            a, b = _tree(fresh), _tree(OUT / "antena") if (OUT / "antena").exists() else {}
            a = {k: v for k, v in a.items() if k.startswith("antena/")}
            b = {"antena/" + k: v for k, v in b.items()}
            stale = sorted(k for k in a.keys() | b.keys() if k not in a or k not in b or not filecmp.cmp(a[k], b[k], shallow=False))
            if stale:
                print("generated protobuf code is stale; run `make proto`:\n  " + "\n  ".join(stale))
                return 1
            print("generated protobuf code is current")
            return 0
    if (OUT / "antena").exists():
        shutil.rmtree(OUT / "antena")
    generate(OUT)
    print(f"generated into {OUT.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
