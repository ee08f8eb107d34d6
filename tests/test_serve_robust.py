"""The preview server under faults, with plain HTTP: a rebuild or watch that fails is shown
in the page and watching goes on; Content-Length and Host are checked before anything is
done; idle and half-sent connections are closed; a client that goes away is no traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reportgen.serve import preview as preview_module
from reportgen.serve import server as server_module
from reportgen.serve import watcher
from reportgen.serve.preview import Preview
from reportgen.serve.server import PreviewServer, make_server, serve_forever_in_thread

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content" / "2023.yaml"


@pytest.fixture
def running(content: Path) -> Iterator[PreviewServer]:
    preview = Preview(content)
    preview.rebuild()
    srv = make_server(preview, content.parent / "build", 0)
    serve_forever_in_thread(srv)
    yield srv
    preview.close()
    srv.shutdown()
    srv.server_close()


def raw(srv: PreviewServer, data: bytes, timeout: float = 10) -> bytes:
    """Send *data* as it is; everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def state(srv: PreviewServer) -> dict[str, Any]:
    answer = raw(srv, f"GET /_reportgen/state HTTP/1.0\r\nHost: 127.0.0.1:{srv.port}\r\n\r\n"
                 .encode())
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


# -- a failing rebuild -------------------------------------------------------------------------
def test_an_internal_error_in_a_rebuild_is_shown_and_the_next_save_updates(
    running: PreviewServer, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = running.preview
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(preview, stop), daemon=True)
    thread.start()
    try:
        real_prepare = preview_module.prepare

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("ett fel i reportgen")

        monkeypatch.setattr(preview_module, "prepare", broken)
        first = state(running)
        time.sleep(1.0)  # the watch is set up (the safety comparison catches it anyway)
        text = content.read_text(encoding="utf-8")
        content.write_text(text.replace("säte: Norrvika", "säte: Norrviken"), encoding="utf-8")
        wait_for(lambda: state(running)["seq"] > first["seq"])
        failed = state(running)
        assert failed["status"] == "fel"
        assert "internt fel" in failed["fel"][0]["meddelande"]
        assert failed["version"] == first["version"]  # the last good page stays
        assert thread.is_alive()

        monkeypatch.setattr(preview_module, "prepare", real_prepare)
        content.write_text(text.replace("Bergsjödalens Samordningsförbund, c/o",
                                        "Bergsjödalens Samordningsförbund (nytt), c/o"),
                           encoding="utf-8")
        wait_for(lambda: state(running)["status"] == "ok")
        assert state(running)["version"] != first["version"]
        page = raw(running, f"GET / HTTP/1.0\r\nHost: 127.0.0.1:{running.port}\r\n\r\n".encode())
        assert "Samordningsförbund (nytt)".encode() in page
    finally:
        stop.set()
        thread.join(timeout=5)


def test_a_failing_watch_is_shown_and_watching_starts_again(
    running: PreviewServer, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = running.preview
    real_watch = watcher.watchfiles.watch
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("bevakningen gick sönder")
        return real_watch(*args, **kwargs)

    monkeypatch.setattr(watcher.watchfiles, "watch", flaky)
    monkeypatch.setattr(watcher, "RETRY_SECONDS", 0.1)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(preview, stop), daemon=True)
    thread.start()
    try:
        wait_for(lambda: state(running)["status"] == "fel")
        assert "OSError" in state(running)["fel"][0]["meddelande"]
        wait_for(lambda: len(calls) >= 2)
        time.sleep(1.0)
        content.write_text(content.read_text(encoding="utf-8").replace(
            "säte: Norrvika", "säte: Norrvik"), encoding="utf-8")
        wait_for(lambda: state(running)["status"] == "ok")
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(timeout=5)


# -- requests refused before anything is done ----------------------------------------------------
def _post(srv: PreviewServer, headers: str, body: bytes = b"") -> bytes:
    request = (f"POST /_reportgen/pdf HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
               f"Origin: http://127.0.0.1:{srv.port}\r\n{headers}Connection: close\r\n\r\n")
    return raw(srv, request.encode() + body)


@pytest.mark.parametrize("headers, expected", [
    ("Content-Length: -5\r\n", 400),
    ("Content-Length: abc\r\n", 400),
    ("Content-Length: 1e3\r\n", 400),
    ("Content-Length: 3\r\nContent-Length: 4\r\n", 400),
    ("Content-Length: 1000000000000000000000\r\n", 413),
    ("Content-Length: 70000\r\n", 413),
    ("", 411),
    ("Transfer-Encoding: chunked\r\n", 411),
])
def test_bad_content_length_is_refused_before_a_pdf_is_built(
    running: PreviewServer, monkeypatch: pytest.MonkeyPatch, headers: str, expected: int
) -> None:
    started = []
    monkeypatch.setattr(server_module.Handler, "_pdf", lambda self: started.append(1))
    answer = _post(running, headers)
    assert status(answer) == expected
    assert started == []
    assert b"Traceback" not in answer


def test_a_valid_post_still_reaches_the_pdf(running: PreviewServer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(handler: Any) -> None:
        handler._text(200, "ok")

    monkeypatch.setattr(server_module.Handler, "_pdf", fake)
    assert status(_post(running, "Content-Length: 0\r\n")) == 200
    assert status(_post(running, "Content-Length: 5\r\n", b"a=b&c")) == 200


@pytest.mark.parametrize("hosts, expected", [
    (["127.0.0.1:{port}", "evil.example"], 400),
    (["evil.example", "127.0.0.1:{port}"], 400),
    (["127.0.0.1:{port}", "127.0.0.1:{port}"], 400),
    ([], 400),
    (["evil.example"], 421),
    (["127.0.0.1:{port}"], 200),
])
def test_exactly_one_host_header_of_our_own(running: PreviewServer, hosts: list[str],
                                            expected: int) -> None:
    lines = "".join(f"Host: {h.format(port=running.port)}\r\n" for h in hosts)
    answer = raw(running, f"GET / HTTP/1.1\r\n{lines}Connection: close\r\n\r\n".encode())
    assert status(answer) == expected


def test_requests_http_server_refuses_by_itself_are_answered_in_swedish(
    running: PreviewServer,
) -> None:
    answer = raw(running, f"BREW / HTTP/1.1\r\nHost: 127.0.0.1:{running.port}\r\n\r\n".encode())
    assert status(answer) == 501
    assert "Metoden stöds inte".encode() in answer
    assert b"Error response" not in answer


# -- connections -----------------------------------------------------------------------------------
def test_idle_and_half_sent_connections_are_closed(running: PreviewServer,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module.Handler, "timeout", 0.5)
    for data in (b"", b"GET / HTTP/1.1\r\nHo"):
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
            sock.sendall(data)
            started = time.monotonic()
            assert sock.recv(1024) == b""  # closed by the server, not by our timeout
            assert time.monotonic() - started < 9


def test_clients_that_go_away_are_not_tracebacks(running: PreviewServer,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    request = f"GET / HTTP/1.0\r\nHost: 127.0.0.1:{running.port}\r\n\r\n".encode()
    for _ in range(20):
        sock = socket.create_connection(("127.0.0.1", running.port), timeout=10)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.sendall(request)
        sock.close()  # a reset while the page is being sent
    time.sleep(0.5)
    assert "Traceback" not in capsys.readouterr().err
    try:
        raise BrokenPipeError(32, "Broken pipe")
    except BrokenPipeError:
        running.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""


def test_a_real_listen_backlog_answers_many_connections_at_once(running: PreviewServer) -> None:
    assert running.request_queue_size >= 128
    request = f"GET /_reportgen/state HTTP/1.0\r\nHost: 127.0.0.1:{running.port}\r\n\r\n".encode()
    answers: list[int] = []
    barrier = threading.Barrier(100)

    def one() -> None:
        barrier.wait()
        answers.append(status(raw(running, request, timeout=30)))

    threads = [threading.Thread(target=one) for _ in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 100


def test_a_pipe_in_the_build_folder_is_not_read(running: PreviewServer) -> None:
    running.out_dir.mkdir(exist_ok=True)
    os.mkfifo(running.out_dir / "2023.pdf")
    answer = raw(running, f"GET /2023.pdf HTTP/1.0\r\nHost: 127.0.0.1:{running.port}\r\n\r\n"
                 .encode(), timeout=5)
    assert status(answer) == 404
