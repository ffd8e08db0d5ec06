"""Django's cached template loader, keeping a copy of each template per language with its
fixed texts already translated.

`{% translate "Save" %}` looks its text up in the catalogue on every render: on a member
page with a table of registrations that was a sixth of the page's time. A text written in
the template translates the same way every time in one language, so each template is
compiled once per language (the language is part of the cache key) and its fixed
`translate` and `blocktranslate` tags are rendered once, by Django's own nodes, and kept
as text. Kept as tags: a text from a variable, with a filter, with `as`, with a context
from a variable, a `blocktranslate` with variables or a plural, and everything inside
`{% language %}`, which renders in another language than the copy's.

A template is translated in the language that is active when it is looked up. Mails and
reminders look theirs up inside `translation.override(...)`, so they get the recipient's
copy; a template object kept and rendered later in another language would not (nothing
here does that: views, mails and tags look templates up as they render them).
"""

from __future__ import annotations

from django.template import Context
from django.template.base import NodeList, TextNode, TokenType, Variable
from django.template.defaulttags import IfNode
from django.template.loaders import cached
from django.templatetags.i18n import BlockTranslateNode, LanguageNode, TranslateNode
from django.utils.translation import get_language


class Loader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{get_language()}:{super().cache_key(template_name, skip)}"

    def get_template(self, template_name, skip=None):
        template = super().get_template(template_name, skip)
        if not getattr(template, "translations_fixed", False):
            # Each language's key holds its own compiled copy, translated on first use;
            # doing it twice (two threads at once) changes nothing.
            fold_translations(template.nodelist, template)
            template.translations_fixed = True
        return template


def fold_translations(nodelist: NodeList, template) -> None:
    """Replace, in place, the fixed translation tags of `nodelist` (and of the node lists
    inside it) by their text in the active language."""
    for place, node in enumerate(nodelist):
        if isinstance(node, LanguageNode):
            continue
        if _is_fixed(node):
            context = Context()
            with context.bind_template(template):  # blocktranslate asks the engine
                nodelist[place] = TextNode(node.render(context))
            continue
        if isinstance(node, IfNode):  # its `nodelist` is a copy; the branches are here
            inner = [branch for _condition, branch in node.conditions_nodelists]
        else:
            inner = [getattr(node, name, None) for name in node.child_nodelists]
        for child in inner:
            if isinstance(child, NodeList):
                fold_translations(child, template)


def _is_fixed(node) -> bool:
    """Whether the node's output depends on nothing but the language."""
    if isinstance(node, TranslateNode):
        text = node.filter_expression
        return (
            not node.asvar
            and not text.filters
            and isinstance(text.var, Variable)
            and text.var.lookups is None
            and isinstance(text.var.literal, str)
            and _fixed_context(node.message_context)
        )
    if isinstance(node, BlockTranslateNode):
        return (
            not node.asvar
            and not node.extra_context
            and not node.plural
            and node.counter is None
            and all(token.token_type == TokenType.TEXT for token in node.singular)
            and _fixed_context(node.message_context)
        )
    return False


def _fixed_context(message_context) -> bool:
    return message_context is None or (not message_context.filters and not message_context.is_var)
