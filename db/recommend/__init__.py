"""The recommender: what a job costs at an endpoint's prices, and the ranking."""
