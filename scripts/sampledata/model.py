"""The shapes the stories are written in (see stories.py), and nothing else.

A story is a room: its record, its contract events, its messages and its calls.
Every message carries, written by hand, the context a correct tool must see
(epoch, phase and stage) and every finding a correct detector makes in it, each
with the verdict docs/POLICY.md gives it. build.py turns the stories into the
export files, the README and the end-to-end expectations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

EPOCHS = ("legacy", "unsolicited_contact", "pre_contract_on_platform")
PHASES = ("pre_contract", "active_contract", "post_contract")
ROLES = ("client", "freelancer", "system", "unknown")
PLANS = ("basic", "plus", "business", "enterprise", "unknown")
VERDICTS = ("violation", "excused", "allowed", "info")
EXCEPTIONS = ("existing_relationship", "business_client", "legal_document",
              "system_access_email", "portfolio_link", "project_website")
KINDS = ("email", "phone", "messaging_app", "social_profile", "meeting_link", "scheduling_link",
         "contact_form", "postal_address", "payment_account", "offplatform_request",
         "unsolicited_contact", "website")
MEDIA = ("audio", "video", "screen_share", "unknown")

# The sender id of the platform's own messages in a known room.
SYSTEM_SENDER = "sys-offplatform"

# "L pre/inquiry" → (legacy, pre_contract, inquiry) and so on: how stories write a message's context.
_EPOCH_CODES = {"L": "legacy", "U": "unsolicited_contact", "P": "pre_contract_on_platform"}
_PHASE_CODES = {"pre/inquiry": ("pre_contract", "inquiry"), "pre/offer": ("pre_contract", "offer"),
                "active": ("active_contract", ""), "post": ("post_contract", "")}


def parse_context(code: str) -> tuple[str, str, str]:
    epoch, phase = code.split(" ")
    return (_EPOCH_CODES[epoch],) + _PHASE_CODES[phase]


def utc(t: str) -> str:
    """'2020-03-02 09:05' or '2020-03-02 09:05:30.25' → '2020-03-02T09:05:00Z' (UTC)."""
    day, clock = t.split(" ")
    if clock.count(":") == 1:
        clock += ":00"
    return f"{day}T{clock}Z"


@dataclass(frozen=True)
class Finding:
    """One finding a correct detector makes, and the verdict it must get."""
    kind: str
    detail: str          # the text as written in the message (or attachment text) where the finding is
    verdict: str
    exception: str = ""  # only with verdict "excused"
    platform: str = ""
    intent: str = "share"
    source: str = "text"  # "text" or "attachment:<kind>"
    why: str = ""


@dataclass(frozen=True)
class Attachment:
    name: str
    kind: str
    text: str | None = None


@dataclass
class Message:
    id: str
    sender: str          # "client", "freelancer", "system", or a literal sender id (room never described)
    at: str              # UTC, RFC 3339
    context: str         # "P pre/offer" …: the expected epoch and phase/stage
    text: str
    findings: list[Finding] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # How sent_at is written in the export: "" (Z), "+02:00", "-05:00", "frac" (".000Z"-style fraction).
    render: str = ""
    extra: dict = field(default_factory=dict)     # unknown fields the export may carry
    ascii_json: bool = False                      # written with \uXXXX escapes for every non-ASCII character
    files: tuple[int, ...] = ()                   # files holding this record (two: a re-export); () = room default


@dataclass
class ContractEvent:
    contract_id: str
    event: str
    at: str
    file: int | None = None
    render: str = ""


@dataclass
class Call:
    id: str
    initiator: str       # "client" or "freelancer"
    status: str
    started: str
    ended: str | None
    media: str | None
    failure_reason: str | None
    phase: str           # expected phase when the call started
    move_after: float | None   # expected minutes from the call's end (or start) to the first move; None: no move
    why: str = ""
    files: tuple[int, ...] = ()
    render: str = ""


@dataclass
class Room:
    id: str
    title: str
    story: str
    client: str
    freelancer: str
    plan: str | None     # None: the field is absent from the room record (the format's default, basic)
    created: str | None
    messages: list[Message]
    contracts: list[ContractEvent] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    described: bool = True      # False: no room record anywhere (role and plan `unknown`)
    room_file: int | None = None
    home_file: int | None = None
    room_extra: dict = field(default_factory=dict)

    def sender_id(self, m: Message) -> str:
        if m.sender == "client":
            return self.client
        if m.sender == "freelancer":
            return self.freelancer
        if m.sender == "system":
            return SYSTEM_SENDER
        return m.sender

    def plan_label(self) -> str:
        if not self.described:
            return "unknown"
        return self.plan or "basic"


# Short constructors the stories use.
def violation(kind: str, detail: str, why: str, **kw) -> Finding:
    return Finding(kind, detail, "violation", why=why, **kw)


def excused(kind: str, detail: str, exception: str, why: str, **kw) -> Finding:
    return Finding(kind, detail, "excused", exception=exception, why=why, **kw)


def allowed(kind: str, detail: str, why: str, **kw) -> Finding:
    return Finding(kind, detail, "allowed", why=why, **kw)


def info(detail: str, why: str, **kw) -> Finding:
    return Finding("website", detail, "info", why=why, **kw)


def msg(id: str, sender: str, at: str, context: str, text: str, *findings: Finding, **kw) -> Message:
    return Message(id=id, sender=sender, at=utc(at), context=context, text=text, findings=list(findings), **kw)


def event(contract_id: str, ev: str, at: str, **kw) -> ContractEvent:
    return ContractEvent(contract_id, ev, utc(at), **kw)


def call(id: str, initiator: str, status: str, started: str, ended: str | None, media: str | None,
         phase: str, move_after: float | None, why: str, failure_reason: str | None = None, **kw) -> Call:
    return Call(id, initiator, status, utc(started), utc(ended) if ended else None, media, failure_reason,
                phase, move_after, why, **kw)
