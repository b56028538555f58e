"""The agent's task role credentials through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (stdlib only).

ECS gives a task a path on its credentials endpoint, 169.254.170.2. Here that endpoint is a
stand-in on 127.0.0.1 (the module's CONTAINER_CREDENTIALS_HOST, patched for the test), and a
stand-in S3 records what the agent's PutObject carried.
"""

import http.server
import json
import os
import sys
import threading
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "reconciler", "agent"))
import observe  # noqa: E402

RELATIVE = "/v2/credentials/5f0c9d6e-task-role"
ROLE = {"AccessKeyId": "ASIARELATIVE", "SecretAccessKey": "relative-secret", "Token": "relative-session",
        "Expiration": "2099-01-01T00:00:00Z"}


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers GET with `answer` (status, body) and PUT with 200; remembers every request."""

    seen = []
    answer = (200, ROLE)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.seen.append(("GET", self.path, dict(self.headers)))
        status, body = self.answer
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        length = int(self.headers.get("content-length") or 0)
        self.seen.append(("PUT", self.path, dict(self.headers), self.rfile.read(length)))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()


def serve(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


class RelativeUri(unittest.TestCase):
    def setUp(self):
        Recorder.seen = []
        Recorder.answer = (200, ROLE)
        self.server, self.url = serve(Recorder)
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        patcher = mock.patch.object(observe, "CONTAINER_CREDENTIALS_HOST", self.url)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_the_endpoint_is_the_ecs_link_local_address_in_a_task(self):
        # What the test patches is the address ECS serves credentials on, and nothing else.
        self.assertEqual(observe.CONTAINER_CREDENTIALS_HOST, self.url)
        mock.patch.stopall()
        self.assertEqual(observe.CONTAINER_CREDENTIALS_HOST, "http://169.254.170.2")

    def test_reads_the_role_credentials_from_the_relative_path(self):
        got = observe.container_credentials({"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": RELATIVE})
        self.assertEqual(got["AccessKeyId"], "ASIARELATIVE")
        self.assertEqual(got["Token"], "relative-session")
        self.assertEqual([(m, p) for m, p, *_ in Recorder.seen], [("GET", RELATIVE)])
        self.assertNotIn("Authorization", Recorder.seen[0][2])

    def test_full_uri_wins_over_the_relative_path(self):
        env = {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/not-this",
               "AWS_CONTAINER_CREDENTIALS_FULL_URI": self.url + "/full"}
        observe.container_credentials(env)
        self.assertEqual([p for _, p, *_ in Recorder.seen], ["/full"])

    def test_an_answer_without_keys_is_an_agent_error(self):
        Recorder.answer = (200, {"Code": "Success"})
        with self.assertRaisesRegex(observe.AgentError, "returned no AccessKeyId"):
            observe.container_credentials({"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": RELATIVE})

    def test_put_object_signs_with_the_relative_credentials(self):
        env = {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": RELATIVE}
        status = observe.put_object(self.url, "eu-west-1", "labenv-objects",
                                    "observations/genomics-core/rnaseq/latest.json", b'{"kind":"Observation"}',
                                    attempts=1, environ=env)
        self.assertEqual(status, 200)
        (_, path, _), (method, put_path, headers, body) = Recorder.seen
        self.assertEqual(path, RELATIVE)
        self.assertEqual((method, put_path), ("PUT", "/labenv-objects/observations/genomics-core/rnaseq/latest.json"))
        self.assertEqual(body, b'{"kind":"Observation"}')
        lower = {k.lower(): v for k, v in headers.items()}
        self.assertTrue(lower["authorization"].startswith("AWS4-HMAC-SHA256 Credential=ASIARELATIVE/"))
        self.assertIn("/eu-west-1/s3/aws4_request", lower["authorization"])
        self.assertEqual(lower["x-amz-security-token"], "relative-session")

    def test_an_unreachable_endpoint_is_retried_then_reported(self):
        env = {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": RELATIVE}
        Recorder.answer = (500, {"message": "unavailable"})
        with mock.patch.object(observe.time, "sleep"):
            with self.assertRaisesRegex(observe.AgentError, "after 3 attempts"):
                observe.put_object(self.url, "eu-west-1", "labenv-objects", "k", b"{}", attempts=3, environ=env)
        self.assertEqual([m for m, *_ in Recorder.seen], ["GET", "GET", "GET"])


if __name__ == "__main__":
    unittest.main()
