"""Notifications (issue 7, part A): devices that receive pushes, the in-app notification
centre, and each user's preferences. Delivery (FCM, the durable queue) lives in push/."""
