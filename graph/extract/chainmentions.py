"""PERSON, ORG and ROLE mentions of the title chains (``graph.extract.rules``)."""

from __future__ import annotations

from graph.extract.rules import TitleChain
from graph.types import Mention


def chain_mentions(chains: tuple[TitleChain, ...]) -> tuple[Mention, ...]:
    """PERSON, ORG and ROLE mentions of the title chains."""
    out: list[Mention] = []
    for chain in chains:
        score = 0.95 if chain.caption else 0.9
        out.append(
            Mention(
                chain.person.start,
                chain.person.end,
                "PERSON",
                chain.person.text,
                score,
                "rules.chain",
            )
        )
        for e in chain.elements:
            if e.org:
                out.append(Mention(e.org.start, e.org.end, "ORG", e.org.text, score, "rules.chain"))
            role_start = e.body.start if e.body else e.role.start
            out.append(
                Mention(
                    role_start,
                    e.role.end,
                    "ROLE",
                    chain_text(chain, role_start, e.role.end),
                    score,
                    "rules.chain",
                )
            )
    return tuple(out)


def chain_text(chain: TitleChain, start: int, end: int) -> str:
    """Text of ``[start, end)`` inside the chain's span."""
    return chain.span.text[start - chain.span.start : end - chain.span.start]
