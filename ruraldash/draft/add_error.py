"""Why a report cannot be added as asked: one exception, in both languages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruraldash.language.messages import Message

if TYPE_CHECKING:
    from ruraldash.store.problems import Problem


class AddError(Exception):
    """Why a report cannot be added as asked, in both languages; candidates when unsure of region.

    str(error) is the English; the command line and the page say `text(lang)`, and the
    validation problems (`details`, file:line: as the validator words them) apart, as code.
    """

    def __init__(
        self,
        message: Message,
        candidates: tuple[Message, ...] = (),
        details: tuple[Problem, ...] = (),
    ) -> None:
        super().__init__("\n".join((str(message), *map(str, details))))
        self.message = message
        self.details = details
        self._candidates = candidates

    @property
    def candidates(self) -> tuple[str, ...]:
        """The units the region could be, in English (as the command line lists them)."""
        return tuple(str(candidate) for candidate in self._candidates)

    def text(self, lang: str) -> str:
        """Return why, in the reader's language (without the validation problems)."""
        return self.message.text(lang)

    def detail_texts(self, lang: str) -> tuple[str, ...]:
        """Return the validation problems, located, in the reader's language."""
        return tuple(problem.text(lang) for problem in self.details)

    def candidate_texts(self, lang: str) -> tuple[str, ...]:
        """Return the units the region could be, in the reader's language."""
        return tuple(candidate.text(lang) for candidate in self._candidates)
