"""Render a reply as a Discord embed dict (within Discord's limits) or as plain text.

No discord import: the dict has the shape `discord.Embed.to_dict()` returns, so the Discord
adapter passes it to `discord.Embed.from_dict` and the console prints the same content."""

from __future__ import annotations

from bot.core.reply import Reply

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
TOTAL_MAX = 6000

# One colour per model family, the same on every card and in the timeline picture.
FAMILY_COLOURS = {
    "code": 0x2E86DE,
    "general": 0x4D6BFE,
    "moe": 0x8E44AD,
    "math": 0xE67E22,
    "vision": 0x16A085,
    "reasoning": 0xC0392B,
}
NEUTRAL_COLOUR = 0x4D6BFE


def clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _description(reply: Reply) -> str:
    parts = [reply.description] if reply.description else []
    if reply.bullets:
        parts.append("\n".join(f"• {b}" for b in reply.bullets))
    return "\n\n".join(parts)


def to_embed(reply: Reply) -> dict:
    embed: dict = {
        "type": "rich",
        "title": clip(reply.title, TITLE_MAX),
        "color": FAMILY_COLOURS.get(reply.family or "", NEUTRAL_COLOUR),
        "flags": 0,  # discord.Embed.to_dict() always writes it
    }
    if description := _description(reply):
        embed["description"] = clip(description, DESCRIPTION_MAX)
    if reply.url:
        embed["url"] = reply.url
    fields = [{"name": clip(name, FIELD_NAME_MAX), "value": clip(value, FIELD_VALUE_MAX), "inline": inline}
              for name, value, inline in reply.fields[:FIELDS_MAX] if name.strip() and value.strip()]
    if fields:
        embed["fields"] = fields
    if reply.footer:
        embed["footer"] = {"text": clip(reply.footer, FOOTER_MAX)}
    _fit_total(embed)
    return embed


def embed_size(embed: dict) -> int:
    """Characters Discord counts toward the 6000 total."""
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    size += len(embed.get("footer", {}).get("text", ""))
    return size


def _fit_total(embed: dict) -> None:
    # Shorten the longest part until the whole card fits; the title and footer stay.
    while (excess := embed_size(embed) - TOTAL_MAX) > 0:
        parts = [("description", None)] if "description" in embed else []
        parts += [("fields", i) for i in range(len(embed.get("fields", [])))]
        _, index = max(parts, key=lambda p: len(embed[p[0]] if p[1] is None else embed[p[0]][p[1]]["value"]))
        if index is None:
            embed["description"] = clip(embed["description"], max(1, len(embed["description"]) - excess))
        else:
            field = embed["fields"][index]
            field["value"] = clip(field["value"], max(1, len(field["value"]) - excess))


def to_text(reply: Reply) -> str:
    lines = [reply.title]
    if description := _description(reply):
        lines += ["", description]
    for name, value, _ in reply.fields:
        lines += ["", f"{name}:", value] if "\n" in value else ["", f"{name}: {value}"]
    if reply.footer:
        lines += ["", reply.footer]
    return "\n".join(lines)
