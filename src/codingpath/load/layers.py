"""Which data files a run reads: the bundled ones, then an overlay's. Found without importing the
models, so that a command can key a cache by the files before deciding whether to load them."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DataError, Problem
from .bundled import find_bundled_data

__all__ = ["DATA_ENV", "DATA_FILES", "bundled_data_dir", "data_files", "data_layers"]

DATA_ENV = "CODINGPATH_DATA"
DATA_FILES = ("credentials.yaml", "roles.yaml")


def bundled_data_dir() -> Path:
    """The data directory shipped inside the package (or, in an editable install, the repo's)."""
    found = find_bundled_data()
    if found is None:
        missing = Path(__file__).resolve().parent.parent / "data"
        raise DataError(Problem(str(missing), "the bundled career data is missing; reinstall codingpath"))
    return found


def data_layers(data_dir: str | Path | None = None, *, use_env: bool = True) -> list[Path]:
    """The bundled data directory, then the overlay (`data_dir` or $CODINGPATH_DATA) if any."""
    if data_dir is None and use_env:
        data_dir = os.environ.get(DATA_ENV) or None
    layers = [bundled_data_dir()]
    if data_dir is not None:
        overlay = Path(data_dir)
        if not overlay.is_dir():
            raise DataError(Problem(str(overlay), "is not a directory of career data"))
        if not any((overlay / n).is_file() for n in DATA_FILES):
            raise DataError(Problem(str(overlay), "holds neither credentials.yaml nor roles.yaml"))
        layers.append(overlay)
    return layers


def data_files(layers: list[Path]) -> list[Path]:
    """The files `inspect_catalog` reads from these layers: every bundled one, an overlay's if present."""
    return [layer / name for i, layer in enumerate(layers) for name in DATA_FILES
            if i == 0 or (layer / name).is_file()]
