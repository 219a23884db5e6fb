"""docker/ cannot run here (no Docker engine), so it is kept correct by reading: the app
services' environment names are settings, the replicas get a valid production config that
shares Redis and Kafka, the start-up order waits on health, and the proxy is sticky."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.settings import DEV_SIGNING_KEYS, Settings, SettingsError, load_settings
from domain.shared.clientaddr import is_trusted

DOCKER = Path(__file__).resolve().parent.parent / "docker"
FIELDS = {name.upper() for name in Settings.model_fields}
REPLICAS = ("app1", "app2")
INTERPOLATION = re.compile(r"\$\{(?P<name>[A-Z0-9_]+)(?P<op>:?[-?])?(?P<arg>[^}]*)\}")
# Values for what an operator exports before `docker compose up`: only the names the README's
# Docker section tells them to export are used (readme_exports), so the stack must start on
# exactly the documented path.
EXAMPLE_VALUES = {
    "POSTGRES_PASSWORD": "pg-password",
    "DB_OWNER_PASSWORD": "owner-password",
    "DB_APP_PASSWORD": "app-password",
    "JWT_SIGNING_KEYS": "k1:" + "r" * 48,
    "JWT_ACTIVE_KID": "k1",
    "CORS_ORIGINS": "https://app.fieldsync.example",
    "STRIPE_SECRET_KEY": "sk_live_example",
    "STRIPE_WEBHOOK_SECRET": "whsec_example",
    "MEDIA_S3_BUCKET": "fieldsync-media",
    "DATA_ENCRYPTION_KEYS": "k1:" + "a2V5LW9uZS0wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=",
    "DATA_ENCRYPTION_ACTIVE_KID": "k1",
    "PII_HASH_KEY": "h" * 48,
}


def readme_exports() -> set[str]:
    """The variables the README's `docker compose` recipe exports."""
    readme = (DOCKER.parent / "README.md").read_text()
    block = readme[readme.index("## Docker"):]
    block = block[block.index("```sh"):]
    block = block[: block.index("```", 5)]
    return set(re.findall(r"\b([A-Z][A-Z0-9_]+)=", block))


OPERATOR_VALUES = {name: value for name, value in EXAMPLE_VALUES.items() if name in readme_exports()}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DOCKER / "compose.yml").read_text())
    return data


def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = compose["services"]
    return result


def app_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Services that run the Fieldsync image (the replicas and the migrate job)."""
    return {
        name: service for name, service in services(compose).items()
        if (service.get("build") or {}).get("dockerfile") == "docker/Dockerfile"
    }


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # the "NAME=value" list form
        env = dict(item.split("=", 1) for item in env)
    return {str(name): str(value) for name, value in env.items()}


def interpolate(value: str) -> str:
    """Resolve ${VAR}, ${VAR:-default} and ${VAR:?error} the way compose would with OPERATOR_VALUES set."""

    def resolve(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        if name in OPERATOR_VALUES:
            return OPERATOR_VALUES[name]
        assert op in (":-", "-"), f"${{{name}}} is required but the test has no value for it"
        return arg

    return INTERPOLATION.sub(resolve, value)


def test_the_stack_has_its_services(compose: dict[str, Any]) -> None:
    names = set(services(compose))
    assert {"postgres", "redis", "kafka", "migrate", *REPLICAS, "proxy"} <= names
    assert services(compose)["postgres"]["image"].startswith("postgres:16")
    assert services(compose)["redis"]["image"].startswith("redis:7")
    assert set(app_services(compose)) == {"migrate", *REPLICAS}


def test_app_environment_names_are_settings(compose: dict[str, Any]) -> None:
    for name, service in app_services(compose).items():
        unknown = set(environment(service)) - FIELDS
        assert unknown == set(), f"{name}: not settings: {sorted(unknown)}"


def test_replicas_share_one_configuration(compose: dict[str, Any]) -> None:
    first, second = (environment(services(compose)[name]) for name in REPLICAS)
    assert first == second
    assert first["REDIS_URL"] == second["REDIS_URL"]
    assert environment(services(compose)["migrate"])["DATABASE_URL"] == first["DATABASE_URL"]


def test_replicas_get_a_valid_production_configuration(compose: dict[str, Any]) -> None:
    env = environment(services(compose)["app1"])
    assert env["APP_ENV"] == "production"
    for required in ("DATABASE_URL", "REDIS_URL", "KAFKA_BOOTSTRAP", "JWT_SIGNING_KEYS", "JWT_ACTIVE_KID",
                     "CORS_ORIGINS"):
        assert env.get(required), f"{required} missing"
    # Secrets come from the operator (compose refuses to start without them), never a literal.
    assert re.fullmatch(r"\$\{JWT_SIGNING_KEYS:\?[^}]*\}", env["JWT_SIGNING_KEYS"])
    assert DEV_SIGNING_KEYS not in (DOCKER / "compose.yml").read_text()
    resolved = {name.lower(): interpolate(value) for name, value in env.items()}
    try:
        settings = load_settings(**resolved)
    except SettingsError as exc:
        pytest.fail(f"the replicas' settings are refused: {exc}")
    assert settings.is_production and settings.is_postgres
    # Behind the proxy the client address is in X-Forwarded-For, believed from the proxy only.
    proxy_address = services(compose)["proxy"]["networks"]["default"]["ipv4_address"]
    assert is_trusted(proxy_address, settings.proxy_networks)
    assert not is_trusted("172.28.0.11", settings.proxy_networks), "not every container of the network"


def test_the_migrate_job_sets_up_least_privilege(compose: dict[str, Any]) -> None:
    """The migrate job runs as the schema owner and sets up the roles as the superuser; the
    replicas get neither URL, and every connection asks for TLS."""
    env = {name.lower(): interpolate(value) for name, value in environment(services(compose)["migrate"]).items()}
    settings = load_settings(**env)
    assert settings.migrate_database_url and settings.database_admin_url
    users = {url.split("//", 1)[1].split(":", 1)[0] for url in (
        settings.database_url, settings.migrate_database_url, settings.database_admin_url.get_secret_value())}
    assert len(users) == 3, "app, owner and administrator are three roles"
    for name in REPLICAS:
        replica = environment(services(compose)[name])
        assert "MIGRATE_DATABASE_URL" not in replica and "DATABASE_ADMIN_URL" not in replica
    assert "ssl=on" in services(compose)["postgres"]["command"]


def test_the_readme_recipe_is_what_the_stack_requires(compose: dict[str, Any]) -> None:
    """`docker compose up` as the README says it: every variable compose insists on
    (${NAME:?...}) is one the README exports, and the result passes production validation."""
    assert readme_exports() == set(EXAMPLE_VALUES)
    text = (DOCKER / "compose.yml").read_text()
    required = {match["name"] for match in INTERPOLATION.finditer(text) if match["op"] in (":?", "?")}
    assert required <= readme_exports(), f"compose requires what the README does not mention: {required}"
    env = {name.lower(): interpolate(value) for name, value in environment(services(compose)["app1"]).items()}
    settings = load_settings(**env)
    assert not settings.push_enabled, "push needs FCM credentials the README recipe does not have"


def test_liveness_restarts_and_readiness_routes(compose: dict[str, Any]) -> None:
    for name in REPLICAS:
        assert "/healthz" in " ".join(services(compose)[name]["healthcheck"]["test"])
    config = (DOCKER / "haproxy.cfg").read_text()
    assert re.search(r"^\s*http-check send meth GET uri /readyz", config, re.M)
    # Operators' endpoints stay inside: the proxy refuses /metrics.
    assert re.search(r"^\s*http-request deny\b.*\bif \{ path /metrics \}", config, re.M)


def test_stores_are_the_compose_services(compose: dict[str, Any]) -> None:
    env = environment(services(compose)["app1"])
    assert re.match(r"postgres://[^@]+@postgres:5432/", env["DATABASE_URL"])
    assert env["REDIS_URL"].startswith("redis://redis:6379")
    assert env["KAFKA_BOOTSTRAP"] == "kafka:9092"
    kafka = services(compose)["kafka"]
    assert kafka["image"].startswith(("apache/kafka:", "redpandadata/redpanda:"))
    if kafka["image"].startswith("apache/kafka:"):
        kafka_env = environment(kafka)
        assert kafka_env["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper
        assert "PLAINTEXT://kafka:9092" in kafka_env["KAFKA_ADVERTISED_LISTENERS"]


def test_start_up_waits_on_health(compose: dict[str, Any]) -> None:
    svc = services(compose)
    migrate = svc["migrate"]
    assert migrate["command"] == ["fieldsync", "migrate"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in REPLICAS:
        depends = svc[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        for store in ("postgres", "redis", "kafka"):
            assert depends[store]["condition"] == "service_healthy"
        assert svc[name]["command"][:2] == ["fieldsync", "serve"]
    for name, service in svc.items():
        for dependency, rule in (service.get("depends_on") or {}).items():
            if rule["condition"] == "service_healthy":
                assert svc[dependency].get("healthcheck", {}).get("test"), f"{name} waits on {dependency}'s health"


def test_proxy_balances_both_replicas_with_sticky_sessions(compose: dict[str, Any]) -> None:
    proxy = services(compose)["proxy"]
    mounted = [volume.split(":")[0] for volume in proxy["volumes"]]
    config_file = DOCKER / mounted[0]
    assert config_file.is_file()
    config = config_file.read_text()
    assert proxy["image"].startswith(("haproxy:", "nginx:"))
    for name in REPLICAS:
        assert f"{name}:8080" in config
        assert proxy["depends_on"][name]["condition"] == "service_healthy"
    if proxy["image"].startswith("haproxy:"):
        assert re.search(r"^\s*cookie \S+ insert", config, re.M), "sticky cookie"
        assert re.search(r"^\s*balance source", config, re.M), "address hash for clients without cookies"
        assert re.search(r"^\s*timeout tunnel", config, re.M), "websockets outlive the HTTP timeouts"
        assert re.search(r"^\s*http-request set-header X-Forwarded-For", config, re.M)
    else:
        assert re.search(r"\bip_hash\b|\bsticky\b", config)
        assert "Upgrade" in config


def test_dockerfile() -> None:
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0"), "the app runs as a non-root user"
    # Dependencies only from the hashed locks (./dev lock), then the package without resolving anything.
    assert re.search(r"^COPY requirements/bootstrap\.lock requirements/runtime\.lock ", dockerfile, re.M)
    assert re.search(r"pip install --require-hashes -r bootstrap\.lock\b", dockerfile)
    assert re.search(r"pip install --require-hashes -r runtime\.lock\b", dockerfile)
    assert re.search(r"^RUN pip install --no-deps --no-build-isolation \.", dockerfile, re.M)
    assert re.search(r"^EXPOSE 8080\b", dockerfile, re.M)
    assert re.search(r"^HEALTHCHECK .*", dockerfile, re.M) and "/healthz" in dockerfile
    assert re.search(r'^CMD \["fieldsync", "serve", "--host", "0.0.0.0"\]', dockerfile, re.M)
    copied = set(re.findall(r"^COPY (\S+?)/? ", dockerfile, re.M))
    pyproject = tomllib.loads((DOCKER.parent / "pyproject.toml").read_text())
    packages = {pattern.rstrip("*") for pattern in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert "migrations" in packages, "`fieldsync migrate` in the image needs the migrations installed"
    assert packages <= copied, f"not copied: {packages - copied}"
