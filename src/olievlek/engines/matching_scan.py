"""Scoring every group pair, block by block: the pricing scan of the matching engine.

There can be tens of millions of group pairs, so they are never held at once. A
:class:`PairScanner` yields blocks of scores for all rows that share a code ``a``
(province and themes) against only the columns that code can be matched with at all
(theme overlap, reachable province): that skips most ineligible pairs before any
arithmetic. The same class scans learner groups against mentor groups and, built on
the transposed tables, mentor groups against learner groups.

The helpers at the bottom pick the best ``k`` entries per row, both from a dense block
and from a sparse list of entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

INELIGIBLE = -(2**30)
"""Table entry for a pair that may not be matched; stays negative after adding any score."""

CHUNK_ENTRIES = 1 << 21
"""Pairs per block at most; bounds the scan's working memory to a few tens of MB."""


@dataclass(frozen=True)
class Block:
    """Scores (int32) of ``rows`` x ``cols``; forbidden or ineligible pairs are <= 0."""

    rows: np.ndarray
    cols: np.ndarray
    scores: np.ndarray


@dataclass(frozen=True)
class _Plan:
    rows: np.ndarray
    cols: np.ndarray
    base: np.ndarray  # code-a part of the score, one per column
    part_b: np.ndarray  # code-b part: [distinct code b of these rows, column]
    row_b: np.ndarray  # per row, its index into part_b
    forbidden: tuple[np.ndarray, np.ndarray]  # (local row, local column)


class PairScanner:
    """Scores of row groups against column groups:
    ``table_a[row_a, col_a] + table_b[row_b, col_b]``, minus the forbidden pairs."""

    def __init__(self, row_a, row_b, col_a, col_b, table_a, table_b, forbidden) -> None:
        self.n_rows, self.n_cols = len(row_a), len(col_a)
        self._plans: list[_Plan] = []
        by_row = _forbidden_by_row(forbidden, self.n_rows)
        for code in np.unique(row_a):
            cols = np.flatnonzero(table_a[code, col_a] > INELIGIBLE)
            if cols.size == 0:
                continue
            base = table_a[code, col_a[cols]].astype(np.int32)
            rows = np.flatnonzero(row_a == code)
            step = max(1, CHUNK_ENTRIES // cols.size)
            for first in range(0, rows.size, step):
                chunk = rows[first : first + step]
                # Only the code-b rows this chunk uses: keeps the plans small.
                codes_b, local_b = np.unique(row_b[chunk], return_inverse=True)
                part_b = table_b[codes_b][:, col_b[cols]].astype(np.int32)
                forbidden_here = _local_forbidden(chunk, cols, by_row)
                self._plans.append(_Plan(chunk, cols, base, part_b, local_b, forbidden_here))

    def blocks(self) -> Iterator[Block]:
        for plan in self._plans:
            scores = plan.part_b[plan.row_b]
            scores += plan.base[None, :]
            scores[plan.forbidden] = INELIGIBLE
            yield Block(plan.rows, plan.cols, scores)


def _forbidden_by_row(forbidden: np.ndarray, n_rows: int) -> list[np.ndarray]:
    """Forbidden columns of each row."""
    order = np.argsort(forbidden[:, 0], kind="stable")
    rows, cols = forbidden[order, 0], forbidden[order, 1]
    bounds = np.searchsorted(rows, np.arange(n_rows + 1))
    return [cols[bounds[r] : bounds[r + 1]] for r in range(n_rows)]


def _local_forbidden(rows, cols, by_row) -> tuple[np.ndarray, np.ndarray]:
    local_rows, local_cols = [], []
    for local, row in enumerate(rows.tolist()):
        banned = by_row[row]
        if banned.size:
            at = np.searchsorted(cols, banned)
            hit = at < cols.size
            hit[hit] = cols[at[hit]] == banned[hit]
            local_cols.append(at[hit])
            local_rows.append(np.full(int(hit.sum()), local))
    if not local_rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(local_rows), np.concatenate(local_cols)


# --------------------------------------------------------------------------- top k


def top_per_row(key: np.ndarray, k: int, row_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the ``k`` largest positive entries of each row of ``key``.

    Scores take few distinct values, so instead of a partition (slow on many ties) we
    find each row's ``k``-th largest value by stepping down its distinct values with
    cheap vectorised maxima; most rows are done after one or two steps. Ties are broken
    by a rotation that depends on the row's id, so that rows with the same favourites
    spread over them instead of all picking the first few columns.
    """
    threshold = key.max(axis=1)
    at_least = np.count_nonzero(key >= threshold[:, None], axis=1)
    todo = np.flatnonzero((at_least < k) & (threshold > 0))
    while todo.size:
        part = key[todo]
        lower = np.where(part < threshold[todo, None], part, np.iinfo(key.dtype).min).max(axis=1)
        threshold[todo] = lower
        at_least[todo] = np.count_nonzero(part >= lower[:, None], axis=1)
        todo = todo[(at_least[todo] < k) & (lower > 0)]
    threshold = np.maximum(threshold, 1)[:, None]
    above_row, above_col = np.nonzero(key > threshold)
    tie_row, tie_col = np.nonzero(key == threshold)  # row-major: sorted by row
    room = k - np.bincount(above_row, minlength=len(key))[tie_row]
    ties = np.bincount(tie_row, minlength=len(key))[tie_row]
    rank = np.arange(len(tie_row)) - np.searchsorted(tie_row, tie_row)
    offset = (row_ids[tie_row] * 2654435761) % ties
    chosen = (rank - offset) % ties < room
    return (
        np.concatenate([above_row, tie_row[chosen]]),
        np.concatenate([above_col, tie_col[chosen]]),
    )


def top_per_group(group: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest ``key`` per ``group`` value in a sparse list of
    entries (ties keep list order)."""
    order = np.argsort(group * 2**32 + (2**31 - 1 - key), kind="stable")
    sorted_group = group[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_group, sorted_group)
    return order[rank < k]
