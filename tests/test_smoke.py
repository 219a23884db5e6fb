async def test_health_answers(client):
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status == 200, await ready.text()
