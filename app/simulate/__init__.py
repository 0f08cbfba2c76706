"""`roadchief simulate`: a seeded county week driven only through the public HTTP API.

The plan (script.py) says who does what when; the clients (clients.py) behave as the real
ones do — an Idempotency-Key per action, retries honouring Retry-After, an outbox while
offline; faults (faults.py) kill the server, cut phones off and take a receiver down; at the
end the invariants (invariants.py) are checked from outside and report.py writes the summary
and an HTML page. run.py ties them together.
"""
