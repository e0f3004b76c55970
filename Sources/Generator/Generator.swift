// Generator writes synthetic exports of any size with their ground truth.
