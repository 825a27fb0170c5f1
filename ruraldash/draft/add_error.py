"""Why a report cannot be added as asked: one exception, in both languages."""

from __future__ import annotations

from ruraldash.draft.messages import Message


class AddError(Exception):
    """Why a report cannot be added as asked, in both languages; candidates when unsure of region.

    str(error) is the English the command line prints; the page shows `text(lang)`, and the
    validation problems (`details`, file:line: as the validator words them) apart, as code.
    """

    def __init__(
        self,
        message: Message,
        candidates: tuple[Message, ...] = (),
        details: tuple[str, ...] = (),
    ) -> None:
        super().__init__("\n".join((str(message), *details)))
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

    def candidate_texts(self, lang: str) -> tuple[str, ...]:
        """Return the units the region could be, in the reader's language."""
        return tuple(candidate.text(lang) for candidate in self._candidates)
