package org.mspportal.notifications;

record RenderedMail(String text, String html) {
}
