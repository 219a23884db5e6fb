"""Send targets this process remembers (issue 19): a message to a conversation that was sent
to before skips the read before the write (`sending.load_for_send`, the crew sync and the
policy check), whoever sends it.

Remembering is safe because nothing remembered is trusted for the write: a remembered target
is only ever stored to with the guarded statement (`sending.store(guarded=True)`), which checks
afresh, in the statement that writes, that the sender still takes part and that the booking
(its crew) and whether the parties have a booking are as remembered. When one of them changed,
nothing is written, the entry is dropped and the send takes the full path, which refuses a
sender who left (or never took part). So no invalidation message is needed, across processes
either. Only targets the full path let a sender through to are remembered (never a refusal).
"""

from __future__ import annotations

from collections import OrderedDict

from domain.messaging.sending import SendTarget

# Conversations (by id as the client wrote it): a few KB each at most.
TARGET_MEMORY = 10_000


class SendTargets:
    def __init__(self, size: int = TARGET_MEMORY) -> None:
        self._size = size
        self._known: OrderedDict[str, SendTarget] = OrderedDict()

    def get(self, conversation_id: str) -> SendTarget | None:
        target = self._known.get(conversation_id)
        if target is not None:
            self._known.move_to_end(conversation_id)
        return target

    def remember(self, conversation_id: str, target: SendTarget) -> None:
        self._known[conversation_id] = target
        self._known.move_to_end(conversation_id)
        while len(self._known) > self._size:
            self._known.popitem(last=False)

    def forget(self, conversation_id: str) -> None:
        self._known.pop(conversation_id, None)
