"""Backing up and restoring the whole site: database and uploaded files in one file."""

from .archive import BackupError, BackupResult, backup_create, backup_restore

__all__ = ["BackupError", "BackupResult", "backup_create", "backup_restore"]
