"""The money walkthrough of the README, against a running `./dev run` (the sandbox gateway).

    python scripts/money_demo.py [http://127.0.0.1:8080]

A demo customer pays for one of Demo Plumbing Co.'s requested bookings, the business onboards
for payouts, accepts (the payment is captured and held), the serviceman does the job, an admin
releases the held money at once (instead of waiting the release window), the business is paid
out, and its balance is read through REST and through delta sync. Every step prints what a
client sees. It only uses the public API, so it doubles as an example client.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

import aiohttp
import pyotp

PASSWORD = "demo-password-1"  # noqa: S105 - the demo seed's, development only
# The demo admin's authenticator secret (app/seed.py, docs/security.md): admins need a second factor.
ADMIN_TOTP_SECRET = "FIELDSYNCDEMOADMINTOTPSECRET2345"  # noqa: S105 - documented demo credential


class Demo:
    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http, self.base = http, base.rstrip("/")
        self.tokens: dict[str, str] = {}

    async def login(self, who: str) -> None:
        body = {"email": f"{who}@demo.fieldsync.dev", "password": PASSWORD}
        async with self.http.post(self.base + "/v1/auth/login", json=body) as response:
            answer = await response.json(content_type=None)
        if response.status == 403 and answer.get("code") == "mfa_required" and who == "admin":
            # The second step: the challenge and a code of the demo admin's authenticator.
            second = {"challenge_token": answer["details"]["challenge_token"],
                      "code": pyotp.TOTP(ADMIN_TOTP_SECRET).now()}
            answer = await self.call("POST", "/v1/auth/mfa", None, second)
        elif response.status != 200:
            raise SystemExit(f"POST /v1/auth/login as {who}: {response.status} {answer}")
        self.tokens[who] = answer["access_token"]

    async def call(self, method: str, path: str, who: str | None, body: Any = None, expect: int = 200) -> Any:
        headers = {"authorization": f"Bearer {self.tokens[who]}"} if who else {}
        async with self.http.request(method, self.base + path, json=body, headers=headers) as response:
            payload = await response.json(content_type=None)
            if response.status != expect and not (expect == 200 and response.status == 201):
                raise SystemExit(f"{method} {path} as {who}: {response.status} {payload}")
            return payload

    async def booking(self, who: str, booking_id: str) -> dict[str, Any]:
        return dict(await self.call("GET", f"/v1/bookings/{booking_id}", who))

    async def act(self, who: str, booking_id: str, action: str) -> dict[str, Any]:
        booking = await self.booking(who, booking_id)
        body = {"version": booking["version"]}
        return dict(await self.call("POST", f"/v1/bookings/{booking_id}/{action}", who, body))

    async def payment_in(self, booking_id: str, *states: str, timeout: float = 20) -> dict[str, Any]:
        """The booking's payment once it reaches one of `states` (the operations worker and the
        sandbox's webhooks move it a moment after the call that asked)."""
        deadline = time.monotonic() + timeout
        while True:
            case = await self.call("GET", f"/v1/bookings/{booking_id}/payment", "customer")
            if case["state"] in states or time.monotonic() > deadline:
                return dict(case)
            await asyncio.sleep(0.2)


def money(value: dict[str, Any]) -> str:
    return f"{value['amount']} {value['currency']} (minor units)"


async def main(base: str) -> None:
    async with aiohttp.ClientSession() as http:
        demo = Demo(http, base)
        for who in ("customer", "provider", "serviceman", "admin"):
            await demo.login(who)
        me = await demo.call("GET", "/v1/me", "serviceman")

        # 1. A requested booking of the provider's business, made by the demo customer.
        mine = (await demo.call("GET", "/v1/bookings?role=customer", "customer"))["items"]
        booking = org_id = None
        for candidate in mine:
            if candidate["state"] == "requested" and candidate.get("organisation_id"):
                org = await demo.http.get(f"{demo.base}/v1/orgs/{candidate['organisation_id']}",
                                          headers={"authorization": f"Bearer {demo.tokens['provider']}"})
                if org.status == 200:
                    booking, org_id = candidate, candidate["organisation_id"]
                    break
        if booking is None or org_id is None:
            raise SystemExit("no requested booking of Demo Plumbing Co. left: restart ./dev run for a fresh demo")
        print(f"1. booking {booking['id']}: total {money(booking['total'])}, state {booking['state']}")

        # 2. The customer pays: the total is authorized on the card, not yet taken.
        case = await demo.call("POST", f"/v1/bookings/{booking['id']}/checkout", "customer",
                               {"payment_method": "pm_card_visa"}, expect=201)
        case = await demo.payment_in(booking["id"], "authorized")
        print(f"2. checkout: payment {case['id']} is {case['state']} for {money(case['amount'])}")

        # 3. The business onboards for payouts (the sandbox's hosted page completes KYC at once).
        payee = f"org:{org_id}"
        urls = {"return_url": f"{demo.base}/done", "refresh_url": f"{demo.base}/again"}
        started = await demo.call("POST", f"/v1/payees/{payee}/onboarding", "provider", {"country": "US", **urls})
        link = started["url"]
        async with demo.http.get(link) as page:
            assert page.status == 200, await page.text()
        account = await demo.call("POST", f"/v1/payees/{payee}/onboarding/refresh", "provider")
        print(f"3. onboarding: account {account['account_id']}, payouts enabled: {account['payouts_enabled']}")

        # 4. The business accepts and sends its serviceman: the payment is captured and held.
        await demo.act("provider", booking["id"], "accept")
        current = await demo.booking("provider", booking["id"])
        await demo.call("PUT", f"/v1/bookings/{booking['id']}/assignments", "provider",
                        {"version": current["version"], "serviceman_ids": [me["id"]]})
        case = await demo.payment_in(booking["id"], "held")
        print(f"4. accepted: payment {case['state']}, captured {money(case['captured'])}")

        # 5. The serviceman does the job.
        for action in ("schedule", "start", "complete"):
            await demo.act("serviceman" if action != "schedule" else "provider", booking["id"], action)
        case = await demo.payment_in(booking["id"], "release_pending")
        print(f"5. completed: payment {case['state']} (released after the window unless a dispute opens)")

        # 6. An admin releases now; the business's share is transferred (paid out).
        await demo.call("POST", f"/v1/payment-cases/{case['id']}/release", "admin", {})
        case = await demo.payment_in(booking["id"], "paid_out")
        print(f"6. released and paid out: payment {case['state']}")

        # 7. What the business sees: its balance over REST, and the same through delta sync.
        balance = await demo.call("GET", f"/v1/payees/{payee}/balance", "provider")
        print(f"7. balance over REST: {balance}")
        pulled = await demo.call("POST", "/v1/sync/pull", "provider",
                                 {"collections": ["balances", "payouts", "payment_cases"]})
        for change in pulled["changes"]:
            if change["collection"] in ("balances", "payouts"):
                print(f"   sync {change['collection']}: {change['data']}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"))
