"""Review drafts (curators): the queue, each figure's clause beside its fields; accept or reject."""

from ruraldash import ui
from ruraldash.ui import review

# 1/ inputs: curators only; the report whose drafts to review
lang = ui.page_start("page_review")
review.curators_only(lang)
report = review.pick_report(review.waiting(lang), lang)

# 2/ the next figure waiting: the report's paragraph, the clause marked, beside its fields
review.current_figure(report, lang)

# 3/ every draft of the report; the rows selected accepted at once
review.bulk(report, lang)

# 4/ a figure the draft missed: its words selected in the report, or its clause pasted
review.selected_figure(report, lang)
review.pasted_figure(report, lang)
