"""The trainers behind `make train`: each re-derives committed data files of the service from the
labeled sets in $NEWSBADGE_DATA (`python -m newsbadge_dev.training.NAME`).

A rerun must reproduce the committed files exactly, so the BLAS and OpenMP libraries behind numpy
and scikit-learn run on one thread: a sum split over a machine-dependent number of threads adds
in a different order and can change the last digits of a weight. Set here, before any trainer
imports numpy.
"""

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"
