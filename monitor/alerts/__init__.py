"""Alerts: change and outage events through the rules into the outbox, and from there to the channels.

- rules.py: which events pass which rule, to which channels; quiet hours (pure).
- events.py: Change rows, failing streaks and incidents as `Event`s (pure).
- messages.py: the text of a message and the JSON webhook payload (pure).
- evaluate.py: reads the history since the cursor and fills the outbox (`db.alerts.outbox`), idempotently.
- channels.py, apprise_channel.py, webhook.py: the sends (Apprise, a signed JSON webhook).
- deliver.py: one delivery pass: claim, send, mark; retries with exponential backoff. `delivery_pass`
  (evaluate, then deliver) is what the service's alert job and ``modelwatch alerts deliver`` run.
"""
