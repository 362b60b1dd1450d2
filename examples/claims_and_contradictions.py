"""Claims: who said what, in their own quoted words, and which claims dispute each other.

The bundled data set records what the article *attributes* to someone as a
``Claim``, not as a fact. This script lists every claimant's claims in
chronological order with the quoted words where the article quotes them, the
claims reported without a claimant, the pairs of claims that contradict each
other, and everything claimed about Turkey.

Run it from the repository root::

    python examples/claims_and_contradictions.py
"""

from __future__ import annotations

import caucasus_conflict as cc


def describe(ds: cc.Dataset, claim: cc.Claim) -> str:
    """One line for a claim: date, who, through which medium, what (and the quote)."""
    who = ds.actor(claim.claimant_id).name if claim.claimant_id is not None else "(unattributed)"
    medium = "" if claim.medium is cc.Medium.UNSPECIFIED else f" [{claim.medium.value}]"
    quote = f' -- quoted: "{claim.quote}"' if claim.quote is not None else ""
    blocks = ", ".join(str(block) for citation in claim.citations for block in citation.blocks)
    return f"{claim.span.format():<18} {who}{medium}: {claim.summary}{quote} (blocks {blocks})"


def main() -> None:
    """Print claims by claimant, unattributed claims, contradictions and claims about Turkey."""
    ds = cc.load()

    claimants = sorted({c.claimant_id for c in ds.claims if c.claimant_id is not None})
    print(f"{len(ds.claims)} claims by {len(claimants)} claimants\n")
    for actor_id in claimants:
        actor = ds.actor(actor_id)
        print(f"{actor.name} ({actor.kind.value}):")
        for claim in ds.claims_by(actor):
            print(f"  {describe(ds, claim)}")

    print("\nReported without naming who said it:")
    for claim in ds.unattributed_claims():
        print(f"  {describe(ds, claim)}")

    pairs = ds.contradictions()
    print(f"\n{len(pairs)} pairs of claims that dispute each other (earlier claim first):")
    for first, second in pairs:
        # Each pair is chronological; ``disputes_ids`` says which claim disputes which.
        verb = "is disputed by" if first.id in second.disputes_ids else "disputes"
        print(f"  * {describe(ds, first)}")
        print(f"    {verb}: {describe(ds, second)}")

    about_turkey = ds.claims_about("Ankara")
    print(f"\n{len(about_turkey)} claims about Turkey (looked up by its metonym 'Ankara'):")
    for claim in about_turkey:
        print(f"  {describe(ds, claim)}")


if __name__ == "__main__":
    main()
