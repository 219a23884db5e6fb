"""Run localstripe on 127.0.0.1 with its state in a private file (the stock CLI listens on
every interface and pickles to /tmp/localstripe.pickle, shared by every run on the machine).

    python -m tests.support.localstripe_main PORT STATE_PATH
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from aiohttp import web
from localstripe import resources
from localstripe.server import app


def main() -> None:
    port, state = int(sys.argv[1]), Path(sys.argv[2])

    def dump_to_disk(self: resources.Store) -> None:
        with open(state, "wb") as file:
            pickle.dump(dict(self), file, protocol=pickle.HIGHEST_PROTOCOL)

    def try_load_from_disk(self: resources.Store) -> None:  # a launch always starts from scratch
        return None

    # Stripe accepts transfer_group on a PaymentIntent (separate charges and transfers);
    # localstripe refuses parameters it does not know: keep it on the object instead.
    original_init = resources.PaymentIntent.__init__

    def init_with_transfer_group(self: resources.PaymentIntent, *args: object, transfer_group: str | None = None,
                                 **kwargs: object) -> None:
        original_init(self, *args, **kwargs)
        self.transfer_group = transfer_group

    resources.PaymentIntent.__init__ = init_with_transfer_group  # type: ignore[method-assign]
    # Stripe filters balance transactions by `created[gt|gte|lt|lte]` (reconciliation asks for
    # "since"); localstripe's list refuses the parameter.
    list_all = resources.BalanceTransaction._api_list_all.__func__  # type: ignore[attr-defined]

    def list_created(cls: type, url: str, created: dict[str, str] | None = None, **kwargs: object) -> object:
        listed = list_all(cls, url, **kwargs)
        bounds = {name: int(value) for name, value in (created or {}).items()}
        checks = {"gt": int.__gt__, "gte": int.__ge__, "lt": int.__lt__, "lte": int.__le__}
        listed._list = [txn for txn in listed._list
                        if all(checks[name](int(txn.created), bound) for name, bound in bounds.items())]
        return listed

    resources.BalanceTransaction._api_list_all = classmethod(list_created)  # type: ignore[assignment]
    resources.Store.dump_to_disk = dump_to_disk  # type: ignore[method-assign]
    resources.Store.try_load_from_disk = try_load_from_disk  # type: ignore[method-assign]
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
