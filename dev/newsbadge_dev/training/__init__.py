"""The trainers behind `make train`: each re-derives committed data files of the service from the
labeled sets in $NEWSBADGE_DATA (`python -m newsbadge_dev.training.NAME`)."""
